import type { ShownStatus, InternalMessageDto, InternalThreadDto, MessageDto, NoteDto } from "@showroom/sdk";

/**
 * An internal message as the sdk's MessageLog holds it (the log is written for customer chats' MessageDto):
 * the thread stands in for the conversation, and the author's id rides along.
 */
export type InternalLine = MessageDto & { agentId: string };

export function toLine(message: InternalMessageDto): InternalLine {
  return {
    id: message.id,
    conversationId: message.threadId,
    seq: message.seq,
    clientMessageId: message.clientMessageId,
    sender: "Agent",
    senderName: message.agentName,
    text: message.text,
    sentAt: message.sentAt,
    agentId: message.agentId,
  };
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The list's order: each dealer's team room first, then direct chats by the colleague's name. */
export function orderThreads<T extends Pick<InternalThreadDto, "kind" | "title" | "dealerName">>(threads: readonly T[], locale: string): T[] {
  return [...threads].sort((a, b) =>
    a.kind !== b.kind ? (a.kind === "TeamRoom" ? -1 : 1)
      : a.kind === "TeamRoom" ? a.dealerName.localeCompare(b.dealerName, locale)
      : a.title.localeCompare(b.title, locale));
}

/**
 * Colleagues' messages after the read mark. When the log holds the thread up to its newest message, it is counted
 * there; otherwise (a thread never opened in this tab) the server's count, kept current by arrivals, stands.
 */
export function threadUnread(thread: Pick<InternalThreadDto, "lastSeq" | "readSeq" | "unread">, lines: readonly MessageDto[], logLastSeq: number, meId: string): number {
  if (logLastSeq < thread.lastSeq) return thread.unread;
  let count = 0;
  for (const line of lines) if (line.seq > thread.readSeq && !sameId((line as InternalLine).agentId ?? "", meId)) count++;
  return count;
}

/** A message arrived: the thread's newest seq moves, and a colleague's message past the read mark counts. */
export function withArrival(thread: InternalThreadDto, message: InternalMessageDto, meId: string): InternalThreadDto {
  if (message.seq <= thread.lastSeq) return thread;
  const counts = !sameId(message.agentId, meId) && message.seq > thread.readSeq;
  return { ...thread, lastSeq: message.seq, unread: thread.unread + (counts ? 1 : 0) };
}

/** The read mark moved (this tab looked at the thread): nothing before it is unread any more. */
export function withRead(thread: InternalThreadDto, seq: number): InternalThreadDto {
  if (seq <= thread.readSeq) return thread;
  return { ...thread, readSeq: seq, unread: seq >= thread.lastSeq ? 0 : thread.unread };
}

/** The seq to mark read when the agent looks at a thread, or undefined when nothing new is there. */
export function seqToMarkRead(logLastSeq: number, readSeq: number): number | undefined {
  return logLastSeq > readSeq ? logLastSeq : undefined;
}

/**
 * The status rules (Agent guide): Available and Away are told of a colleague's message at once; Do Not Disturb
 * (and Offline) only count it. Never for the agent's own messages, nor for the thread they are reading.
 */
export function shouldNotify(status: ShownStatus | undefined, fromMe: boolean, reading: boolean): boolean {
  if (fromMe || reading) return false;
  return status === "Available" || status === "Away";
}

/** One line of a toast: a long message cut short at a word, with an ellipsis. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Private notes merged by id (a NoteAdded and the AddNote answer are the same note), oldest first. */
export function mergeNotes(known: readonly NoteDto[], incoming: readonly NoteDto[]): NoteDto[] {
  const byId = new Map(known.map((n) => [n.id, n]));
  for (const note of incoming) byId.set(note.id, note);
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
