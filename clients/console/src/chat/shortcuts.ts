export const previousChatShortcut = "Alt+ArrowUp";
export const nextChatShortcut = "Alt+ArrowDown";
export const replyShortcut = "Alt+R";

/** The Chat Screen's Alt shortcuts, by physical key so that layouts (and a Mac's Option) agree. */
export function chatShortcut(event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string; key: string }): "previous" | "next" | "reply" | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  if (event.key === "ArrowUp") return "previous";
  if (event.key === "ArrowDown") return "next";
  if (event.code === "KeyR") return "reply";
  return undefined;
}
