/** A small element builder: text goes in as textContent only (shopper and agent text is never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function button(text: string, onClick: () => void, className = ""): HTMLButtonElement {
  const node = el("button", { text, className, attrs: { type: "button" } });
  node.addEventListener("click", onClick);
  return node;
}

/** "Waiting 1:05" since the shopper started waiting. */
export function waitingFor(since: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  return `Waiting ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Replaces the children of `root`, skipping the absent ones. */
export function fill(root: Element, ...children: (Node | null | undefined | false)[]): void {
  root.replaceChildren(...children.filter((c): c is Node => Boolean(c)));
}
