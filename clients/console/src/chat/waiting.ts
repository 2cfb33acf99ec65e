import type { MessageDto } from "@showroom/sdk";

/** A shopper waiting this long for a reply is highlighted in My chats. */
export const replyOverdueMs = 30_000;

/**
 * Since when the shopper has waited for a reply: their last message's time, when it is newer than the agent's last
 * message. A send still pending counts as the reply (the agent has answered); system lines count for neither side.
 */
export function replyWaitingSince(messages: readonly MessageDto[], hasPending: boolean): string | undefined {
  if (hasPending) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.sender === "Agent") return undefined;
    if (message.sender === "Shopper") return message.sentAt;
  }
  return undefined;
}

export interface ReplyWait {
  ms: number;
  overdue: boolean;
}

/** How long the shopper has waited at `now`, and whether that is past the highlight. */
export function replyWait(since: string | undefined, now: number): ReplyWait | undefined {
  if (since === undefined) return undefined;
  const ms = Math.max(0, now - Date.parse(since));
  return { ms, overdue: ms >= replyOverdueMs };
}

/** Items of one dealer, or all of them when no dealer is chosen. */
export function ofDealer<T>(items: readonly T[], dealerId: string | undefined, dealerOf: (item: T) => string): T[] {
  return dealerId === undefined ? [...items] : items.filter((item) => dealerOf(item) === dealerId);
}
