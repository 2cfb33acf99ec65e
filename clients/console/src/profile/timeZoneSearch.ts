/** A zone id as people type it: lower case, underscores as spaces ("America/Los_Angeles" → "america/los angeles"). */
function normalize(text: string): string {
  return text.toLowerCase().replace(/_/g, " ").replace(/\s+/g, " ").trim();
}

/** The city part of a zone id, for reading: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/**
 * The zones matching what the agent typed: every word of the query must appear in the zone id
 * ("los angeles", "america/los", "Los_Angeles" all find America/Los_Angeles). Zones whose city starts
 * with the query come first, then the rest, each in the given (sorted) order. An empty query matches all.
 */
export function searchTimeZones(zones: readonly string[], query: string): string[] {
  const wanted = normalize(query);
  if (!wanted) return [...zones];
  const words = wanted.split(" ");
  const cityFirst: string[] = [];
  const others: string[] = [];
  for (const zone of zones) {
    const id = normalize(zone);
    if (!words.every((word) => id.includes(word))) continue;
    (normalize(zoneCity(zone)).startsWith(wanted) ? cityFirst : others).push(zone);
  }
  return [...cityFirst, ...others];
}
