const delays = [0, 1_000, 2_000, 5_000, 10_000] as const;

/** Milliseconds to wait before reconnect attempt number previousRetryCount + 1: 0, 1 s, 2 s, 5 s, then 10 s forever. */
export function reconnectDelay(previousRetryCount: number): number {
  return delays[previousRetryCount] ?? 10_000;
}
