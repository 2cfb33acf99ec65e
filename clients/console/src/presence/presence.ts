import type { ShownStatus, StatusCause, Teammate } from "@showroom/sdk";
import type { MessageKey } from "../i18n/index.ts";

/** The order of the team panel: who can take a chat first. */
const statusRank: Readonly<Record<ShownStatus, number>> = { Available: 0, Away: 1, DoNotDisturb: 2, Offline: 3 };

export const statusNameKey = {
  Available: "status.available",
  Away: "status.away",
  DoNotDisturb: "status.doNotDisturb",
  Offline: "status.offline",
} as const satisfies Readonly<Record<ShownStatus, MessageKey>>;

/** The agent guide's explanation of each status the agent can choose (and a plain one for Offline). */
export const statusExplanationKey = {
  Available: "status.available.explanation",
  Away: "status.away.explanation",
  DoNotDisturb: "status.doNotDisturb.explanation",
  Offline: "status.offline.explanation",
} as const satisfies Readonly<Record<ShownStatus, MessageKey>>;

/** Teammates by status (Available, Away, Do Not Disturb, Offline), then by name in the agent's language. */
export function sortTeam(team: readonly Teammate[], locale: string): Teammate[] {
  const names = new Intl.Collator(locale, { sensitivity: "base" });
  return [...team].sort((a, b) => statusRank[a.status] - statusRank[b.status] || names.compare(a.displayName, b.displayName));
}

/**
 * The notice that tells the agent why their own status changed, or undefined when no notice is due:
 * the agent's own choice needs none, and coming back as Away after being offline is shown by the status itself.
 */
export function causeNoticeKey(cause: StatusCause): MessageKey | undefined {
  switch (cause) {
    case "Idle": return "status.notice.idle";
    case "MissedOffers": return "status.notice.missedOffers";
    case "Manager": return "status.notice.manager";
    default: return undefined;
  }
}

/**
 * Whether a status read at `incoming` should replace one read at `current`: a GET answer that left the server
 * before a StatusChanged message arrived must not undo it. Unknown times count as oldest.
 */
export function isNewer(incoming: string | null | undefined, current: string | null | undefined): boolean {
  if (!current) return true;
  if (!incoming) return false;
  return Date.parse(incoming) >= Date.parse(current);
}

/** A gate that opens at most once per `intervalMs` (the first call opens it). */
export function throttle(intervalMs: number, now: () => number = Date.now): () => boolean {
  let last = -Infinity;
  return () => {
    const at = now();
    if (at - last < intervalMs) return false;
    last = at;
    return true;
  };
}
