import type { ShownStatus } from "@showroom/sdk";

/** The status colour; always next to the status written out, never alone. */
export function StatusDot({ status }: { status: ShownStatus | undefined }) {
  return <span class={`status-dot status-dot-${status ?? "unknown"}`} aria-hidden="true" />;
}
