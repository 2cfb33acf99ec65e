import type { MessageDto } from "./conversations.ts";

/** A message the shopper wrote that the server has not acknowledged yet (or refused, with the reason). */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
  /** The server's reason when it refused the message for good (not retried). */
  error?: string;
}

/**
 * One conversation's messages as a client knows them: acknowledged, received and synced messages
 * merged by seq (each once, whichever way it came), and the sends still waiting for their acknowledgement.
 * Pure: no I/O, so the delivery rules are unit-tested.
 */
export class MessageLog {
  #bySeq = new Map<number, MessageDto>();
  #sorted: MessageDto[] | undefined = [];
  #pending: PendingMessage[] = [];

  /** Stored messages in seq order. */
  get messages(): readonly MessageDto[] {
    this.#sorted ??= [...this.#bySeq.values()].sort((a, b) => a.seq - b.seq);
    return this.#sorted;
  }

  /** Sends not acknowledged yet, oldest first. */
  get pending(): readonly PendingMessage[] {
    return this.#pending;
  }

  /** The highest seq below which nothing is missing (seqs start at 1): what Sync asks after. */
  get lastSeq(): number {
    let seq = 0;
    while (this.#bySeq.has(seq + 1)) seq++;
    return seq;
  }

  /** Whether a message with this seq would leave a hole (so a Sync is due). */
  isGap(seq: number): boolean {
    return seq > this.lastSeq + 1;
  }

  /** Merges stored messages (an acknowledgement, a MessageReceived, a Sync answer); returns whether anything changed. */
  add(...messages: MessageDto[]): boolean {
    let changed = false;
    for (const message of messages) {
      const before = this.#pending.length;
      this.#pending = this.#pending.filter((p) => p.clientMessageId !== message.clientMessageId);
      if (this.#pending.length !== before) changed = true;
      if (this.#bySeq.has(message.seq) || !(message.seq > 0)) continue;
      this.#bySeq.set(message.seq, message);
      this.#sorted = undefined;
      changed = true;
    }
    return changed;
  }

  /** A new send: pending until a message with its clientMessageId arrives. */
  addPending(clientMessageId: string, text: string): void {
    if (this.has(clientMessageId)) return;
    this.#pending.push({ clientMessageId, text });
  }

  /** The server refused the send for good: it stays shown with the reason, and is not retried. */
  fail(clientMessageId: string, error: string): void {
    this.#pending = this.#pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, error } : p));
  }

  /** Pending sends to (re)try: not acknowledged and not refused. */
  get retryable(): readonly PendingMessage[] {
    return this.#pending.filter((p) => p.error === undefined);
  }

  has(clientMessageId: string): boolean {
    return this.#pending.some((p) => p.clientMessageId === clientMessageId) || this.messages.some((m) => m.clientMessageId === clientMessageId);
  }
}
