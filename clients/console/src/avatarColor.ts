/** Up to two initials, from the first and last words of the name ("Sam Carter" → "SC"; emoji-safe). */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map((word) => Array.from(word ?? "")[0]?.toLocaleUpperCase() ?? "").join("");
}

/** A stable hue (0–359) for a name: the same agent always gets the same colour, on every screen. */
export function nameHue(name: string): number {
  // FNV-1a over the code points: cheap, stable, well spread for short strings.
  let hash = 0x811c9dc5;
  for (const unit of name.trim().toLowerCase()) {
    hash ^= unit.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** The initials' background: dark enough at every hue for white text to pass WCAG AA (≥ 4.5:1). */
export function nameColor(name: string): string {
  return `hsl(${nameHue(name)} 45% 30%)`;
}
