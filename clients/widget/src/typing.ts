/** Typing indicators are live only: these timings keep them accurate without a call per keystroke. */

/** A "typing" is repeated at most this often while the shopper keeps typing. */
export const typingRepeatMs = 3_000;
/** The shopper counts as stopped this long after their last keystroke. */
export const typingIdleMs = 5_000;
/** The agent's indicator hides this long after their last "typing" (a lost "stopped" must not leave it on). */
export const typingShownMs = 6_000;

/**
 * Tells the other side when the shopper types: true when they start and then at most every 3 s while the
 * composer has text; false once when they clear it, send, or pause for 5 s.
 */
export class TypingSignal {
  readonly #send: (typing: boolean) => void;
  readonly #now: () => number;
  #lastTrue = -Infinity;
  #typing = false;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (typing: boolean) => void, now: () => number = Date.now) {
    this.#send = send;
    this.#now = now;
  }

  /** After every change of the composer. */
  input(hasText: boolean): void {
    clearTimeout(this.#idle);
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.#now();
    if (!this.#typing || now - this.#lastTrue >= typingRepeatMs) {
      this.#typing = true;
      this.#lastTrue = now;
      this.#send(true);
    }
    this.#idle = setTimeout(() => this.stop(), typingIdleMs);
  }

  /** Sent, cleared, idle, or the chat moved on: "stopped", once. */
  stop(): void {
    clearTimeout(this.#idle);
    if (!this.#typing) return;
    this.#typing = false;
    this.#lastTrue = -Infinity;
    this.#send(false);
  }
}
