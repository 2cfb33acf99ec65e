/** A canned response as GET /api/canned-responses lists it: personal when dealerId is null. */
export interface CannedResponse {
  id: string;
  dealerId: string | null;
  dealerName: string | null;
  shortcut: string;
  text: string;
  canEdit: boolean;
}

/** What the server accepts as a shortcut: 1 to 32 of a-z, 0-9 and "-", not starting with "-". */
export const shortcutPattern = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** The "/shortcut" being typed just before the caret: a "/" at the start or after a space or line break. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9-]{0,32})$/i.exec(before);
  if (!match) return undefined;
  const query = match[2]!;
  return { start: caret - query.length - 1, query: query.toLowerCase() };
}

/**
 * The responses for a chat of `dealerId` that match the query: shortcuts that start with it first, then those that
 * contain it; a personal response before the dealer's of the same shortcut. At most `limit`.
 */
export function matchCanned(all: readonly CannedResponse[], query: string, dealerId: string, limit = 8): CannedResponse[] {
  const usable = all.filter((c) => c.dealerId === null || c.dealerId === dealerId);
  const rank = (c: CannedResponse) => (c.shortcut.startsWith(query) ? 0 : c.shortcut.includes(query) ? 1 : 2);
  return usable
    .filter((c) => rank(c) < 2)
    .sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut) || Number(a.dealerId !== null) - Number(b.dealerId !== null))
    .slice(0, limit);
}

/** The composer's text with "/query" replaced by the response, and where the caret goes (after it). */
export function insertCanned(text: string, start: number, caret: number, response: string): { text: string; caret: number } {
  const next = text.slice(0, start) + response + text.slice(caret);
  return { text: next, caret: start + response.length };
}
