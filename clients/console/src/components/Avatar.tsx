import { initials, nameColor } from "../avatarColor.ts";

/**
 * The agent's headshot, or their initials on a colour derived from their name. Decorative (alt=""):
 * wherever it appears, the name is written next to it.
 */
export function Avatar({ name, src, large = false }: { name: string; src: string | null | undefined; large?: boolean }) {
  const size = large ? "avatar avatar-large" : "avatar";
  if (src) return <img class={size} src={src} alt="" width={large ? 111 : 32} height={large ? 111 : 32} />;
  return (
    <span class={`${size} avatar-initials`} style={{ background: nameColor(name) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
