/** The audit log's action filter: prefixes (ending in ".") and the exact actions the server records. */
export const auditActions: readonly string[] = [
  "agent.", "agent.invited", "agent.updated", "agent.deactivated", "agent.reactivated", "agent.password_reset_link", "agent.password_reset",
  "invitation.", "dealer.", "group.", "department.", "holiday.", "routing.updated", "presence.updated", "canned.", "block.lifted",
  "setup.admin_created",
];

/** Before/after as one line of JSON text (shown as text, never as HTML), cut at `max` characters. */
export function compactJson(value: unknown, max = 400): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
