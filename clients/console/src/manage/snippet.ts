/**
 * The embed snippet a dealer pastes into their site. The loader (clients/widget/src/loader.ts) reads
 * data-widget-key from its own script tag. Values are escaped for an HTML attribute: the key comes from
 * the server, and the snippet is text someone pastes into a page.
 */
export function embedSnippet(origin: string, widgetKey: string): string {
  return `<script src="${escapeAttribute(`${origin.replace(/\/+$/, "")}/app/widget/loader.js`)}" data-widget-key="${escapeAttribute(widgetKey)}" async></script>`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link from the server (invitation, password reset) only when it is http(s): never javascript: or data:. */
export function safeLink(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
