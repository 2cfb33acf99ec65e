/** How often "typing" is repeated while the agent keeps typing, and how long a pause counts as stopping. */
export const typingRepeatMs = 3000;
export const typingIdleMs = 5000;
/** The shopper's indicator hides when no refresh came for this long. */
export const typingShownMs = 6000;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The agent's side of the typing indicator: true at most every 3 s while they type, false when they clear
 * the box, send, leave the chat, or pause for 5 s. Failures are the sender's to ignore.
 */
export class TypingSender {
  #typing = false;
  #sentAt = -Infinity;
  #idle: unknown;

  constructor(private readonly send: (typing: boolean) => void, private readonly clock: Clock = realClock) {}

  /** A keystroke: `hasText` is whether the box still holds something. */
  input(hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.clock.now();
    if (!this.#typing || now - this.#sentAt >= typingRepeatMs) {
      this.#typing = true;
      this.#sentAt = now;
      this.send(true);
    }
    if (this.#idle !== undefined) this.clock.clearTimeout(this.#idle);
    this.#idle = this.clock.setTimeout(() => this.stop(), typingIdleMs);
  }

  stop(): void {
    if (this.#idle !== undefined) this.clock.clearTimeout(this.#idle);
    this.#idle = undefined;
    if (!this.#typing) return;
    this.#typing = false;
    this.send(false);
  }
}
