import type { AgentConversationDto, MessageDto } from "@showroom/sdk";

/** GET /api/conversations/history: a page of past chats, newest first; `before` asks for the next page. */
export interface HistoryItem {
  conversation: AgentConversationDto;
  endedAt: string | null;
  agentName: string | null;
}

export interface HistoryPage {
  items: HistoryItem[];
  before: string | null;
}

export interface Transcript extends HistoryItem {
  messages: MessageDto[];
}

export interface HistorySearch {
  q: string;
  /** Days as the date inputs give them ("2026-11-27"), in the agent's time zone; "" for none. */
  from: string;
  to: string;
  dealerId: string;
}

export const emptySearch: HistorySearch = { q: "", from: "", to: "", dealerId: "" };

/** How far the zone is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a day starts in the agent's time zone (midnight there), as ISO 8601; undefined for a malformed day. */
export function zonedDayStart(day: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    zone = "UTC";
  }
  const midnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Twice: the offset at the first guess can differ from the offset at midnight itself on a DST change day.
  let instant = midnight - offsetAt(midnight, zone);
  instant = midnight - offsetAt(instant, zone);
  return new Date(instant).toISOString();
}

/** "2026-11-27" → "2026-11-28". */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The history call's query string: "To" includes its whole day, so the server gets the next midnight (exclusive). */
export function historyQuery(search: HistorySearch, timeZone: string, before?: string): string {
  const params = new URLSearchParams();
  if (search.dealerId) params.set("dealerId", search.dealerId);
  if (search.q.trim()) params.set("q", search.q.trim());
  const from = search.from ? zonedDayStart(search.from, timeZone) : undefined;
  const to = search.to ? zonedDayStart(nextDay(search.to), timeZone) : undefined;
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `?${query}` : "";
}
