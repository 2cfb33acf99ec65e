import type { MessageDto, VehicleOfInterest } from "@showroom/sdk";

/** "2022 Toyota RAV4 XLE": what the shopper is looking at, in a few words; undefined when the page gave nothing. */
export function vehicleSummary(vehicle: Partial<Record<keyof VehicleOfInterest, unknown>> | null | undefined): string | undefined {
  if (!vehicle) return undefined;
  const words = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim]
    .map((part) => (typeof part === "number" ? String(part) : typeof part === "string" ? part.trim() : ""))
    .filter((part) => part.length > 0);
  return words.length > 0 ? words.join(" ") : undefined;
}

/** The URL when it is an absolute http(s) URL, so it may be a link; undefined for anything else (javascript:, data:, relative). */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type TextPart = { text: string } | { url: string; text: string };

const urlPattern = /\bhttps?:\/\/[^\s<>"]+/gi;

/**
 * A message's text cut into plain text and http(s) links, to render as text nodes and <a> elements
 * (never as HTML). Trailing punctuation stays out of a link, so "see https://x.example/a." links "…/a".
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(urlPattern)) {
    let found = match[0];
    const trailing = /[.,;:!?)\]'}]+$/.exec(found);
    if (trailing) found = found.slice(0, -trailing[0].length);
    const url = safeHttpUrl(found);
    if (!url || found.length === 0) continue;
    const start = match.index;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ url, text: found });
    at = start + found.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The shopper's messages after the last one the agent has seen. */
export function unreadCount(messages: readonly MessageDto[], readSeq: number): number {
  let count = 0;
  for (const message of messages) if (message.sender === "Shopper" && message.seq > readSeq) count++;
  return count;
}

/** What a key press in the composer does: Enter sends, Shift+Enter (and Enter while an IME composes) is a new line. */
export function composerKey(event: { key: string; shiftKey: boolean; isComposing?: boolean; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }): "send" | "type" {
  if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.altKey) return "type";
  return "send";
}

/** A new client message id (32 hex digits); works outside secure contexts, where crypto.randomUUID is missing. */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Where the list's arrow keys move focus: wraps around; Home and End go to the ends. */
export function nextIndex(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case "ArrowDown": return (index + 1) % count;
    case "ArrowUp": return (index - 1 + count) % count;
    case "Home": return 0;
    case "End": return count - 1;
    default: return undefined;
  }
}

/** The agent's newest message the shopper has read (it shows "Read"; the others "Sent"), or undefined. */
export function readReceiptSeq(messages: readonly MessageDto[], shopperReadSeq: number): number | undefined {
  let seq: number | undefined;
  for (const message of messages) if (message.sender === "Agent" && message.seq <= shopperReadSeq) seq = message.seq;
  return seq;
}

/** The seq to mark read when the agent looks at a chat, or undefined when every shopper line is read already. */
export function seqToMarkRead(messages: readonly MessageDto[], agentReadSeq: number): number | undefined {
  if (unreadCount(messages, agentReadSeq) === 0) return undefined;
  return messages.at(-1)?.seq;
}
