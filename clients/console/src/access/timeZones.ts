/**
 * Time zones for the signed-out pages (set-up, invitation): GET /api/timezones needs a session, so the
 * browser's own IANA list is used; the server checks the chosen id again.
 */
export function browserTimeZones(): readonly string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? [];
  return zones.length > 0 ? zones : ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto"];
}

/** The browser's zone when it is in the list, else America/Chicago. */
export function browserTimeZone(zones: readonly string[]): string {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && zones.includes(own) ? own : "America/Chicago";
}
