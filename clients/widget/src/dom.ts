/** Tiny DOM helpers for the widget. Text always goes in as text (textContent), never as HTML. */

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const url = /\bhttps?:\/\/[^\s<>"']+/g;

/** Splits text into text and web addresses; only http(s) addresses become links (trailing punctuation stays text). */
export function linkParts(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(url)) {
    const address = match[0].replace(/[.,;:!?)\]]+$/, "");
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: address, href: address });
    last = at + address.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The text as nodes: text nodes, and links that open in a new tab without access to this page. */
export function textWithLinks(text: string): Node[] {
  return linkParts(text).map((part) => {
    if (!part.href) return document.createTextNode(part.text);
    const a = h("a", { href: part.href, target: "_blank", rel: "noopener noreferrer nofollow" });
    a.textContent = part.text;
    return a;
  });
}

/** An RFC 4122 v4 id; crypto.randomUUID exists only in secure contexts, and dealer sites may be plain http. */
export function newId(): string {
  if (typeof crypto.randomUUID === "function" && isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
