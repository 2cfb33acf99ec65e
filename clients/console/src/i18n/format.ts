import type { Locale } from "@showroom/sdk";

/** A date and time as the agent reads it: their locale, their time zone (not the browser's). */
export function formatDateTime(date: Date | string | number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: safeTimeZone(timeZone) })
    .format(new Date(date));
}

export function formatDate(date: Date | string | number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: safeTimeZone(timeZone) }).format(new Date(date));
}

export function formatTime(date: Date | string | number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: safeTimeZone(timeZone) }).format(new Date(date));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** An unknown zone name would make Intl throw and blank the screen: fall back to UTC instead. */
function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}
