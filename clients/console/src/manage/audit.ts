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

export interface AuditChange {
  path: string;
  before: string;
  after: string;
}

/** Leaves of a JSON value by path ("departments[2].offerTimeoutSeconds"), each as compact JSON text. */
function leaves(value: unknown, path: string, into: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path, "[]");
    value.forEach((item, i) => leaves(item, `${path}[${i}]`, into));
  } else if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(path, "{}");
    for (const [key, item] of entries) leaves(item, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, compactJson(value, 120));
  }
  return into;
}

/** What an update changed, leaf by leaf: only the paths whose values differ (absent shows as "—"). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, before: a.get(p) ?? "—", after: b.get(p) ?? "—" }));
}
