/**
 * The console <-> extension protocol (window.postMessage on the console's own origin; the extension's content
 * script answers). Only messages from this very window and origin are trusted: another frame or origin could
 * otherwise pose as the extension.
 */

/** What the extension says. */
export type ExtensionMessage =
  | { type: "hello"; version: string; paired: boolean }
  | { type: "paired"; ok: boolean; error?: string };

export const pingMessage = { source: "showroom-console", type: "ping" } as const;
export const unpairMessage = { source: "showroom-console", type: "unpair" } as const;
export const pairMessage = (token: string) => ({ source: "showroom-console", type: "pair", token }) as const;

/** The fields of a MessageEvent this module reads (so tests need no DOM). */
export interface MessageLike {
  source: unknown;
  origin: string;
  data: unknown;
}

/** The extension's message, or undefined for anything else (other senders, other origins, malformed data). */
export function readExtensionMessage(event: MessageLike, self: unknown, origin: string): ExtensionMessage | undefined {
  if (event.source !== self || event.origin !== origin) return undefined;
  const data = event.data;
  if (typeof data !== "object" || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.source !== "showroom-extension") return undefined;
  if (d.type === "hello") {
    if (typeof d.version !== "string" || d.version.length === 0 || d.version.length > 32 || typeof d.paired !== "boolean") return undefined;
    return { type: "hello", version: d.version, paired: d.paired };
  }
  if (d.type === "paired") {
    if (typeof d.ok !== "boolean") return undefined;
    // Shown to the agent as text; a long one is cut.
    return typeof d.error === "string" && d.error.length > 0
      ? { type: "paired", ok: d.ok, error: d.error.slice(0, 200) }
      : { type: "paired", ok: d.ok };
  }
  return undefined;
}

/** The version the content script wrote on <html data-showroom-extension>, if it did. */
export function datasetVersion(value: string | undefined): string | undefined {
  return value !== undefined && value.length > 0 && value.length <= 32 ? value : undefined;
}

/** How the paired device is named in the agent's list: "Chrome on Windows". */
export function deviceName(platform: string | undefined): string {
  const name = (platform ?? "").trim();
  if (!name) return "Chrome";
  const known: Record<string, string> = { win32: "Windows", macintel: "macOS", macos: "macOS", "chrome os": "ChromeOS", chromeos: "ChromeOS" };
  const lower = name.toLowerCase();
  const shown = known[lower] ?? (lower.startsWith("linux") ? "Linux" : name);
  return `Chrome on ${shown}`.slice(0, 100);
}
