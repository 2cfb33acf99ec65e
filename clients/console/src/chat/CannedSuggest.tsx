import { useState } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { insertCanned, matchCanned, slashQuery, type CannedResponse } from "./canned.ts";
import { useCanned } from "./cannedStore.ts";

const listId = "canned-suggestions";
const optionId = (i: number) => `canned-option-${i}`;

/**
 * "/" and a shortcut in the composer: a listbox of matching canned responses below it, the textbox keeping the
 * focus (aria-activedescendant). ArrowUp/ArrowDown choose, Enter or Tab inserts, Escape closes.
 */
export function useCannedSuggest(dealerId: string, text: string, setText: (text: string) => void) {
  const { t } = useI18n();
  const { me } = usePresence();
  const { list } = useCanned(me.id);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  /** The "/query" Escape closed the list on: it stays closed until the query changes. */
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  const query = slashQuery(text, caret);
  const queryKey = query ? `${query.start}:${query.query}` : undefined;
  const matches = query && list && dismissed !== queryKey ? matchCanned(list, query.query, dealerId) : [];
  const open = matches.length > 0;
  const current = Math.min(active, matches.length - 1);

  const track = (element: HTMLTextAreaElement) => {
    setCaret(element.selectionStart);
    const next = slashQuery(element.value, element.selectionStart);
    if (next?.start !== query?.start || next?.query !== query?.query) setActive(0);
    if (dismissed !== undefined && (next ? `${next.start}:${next.query}` : undefined) !== dismissed) setDismissed(undefined);
  };

  const insert = (element: HTMLTextAreaElement | null, response: CannedResponse) => {
    if (!query) return;
    const result = insertCanned(text, query.start, caret, response.text);
    setText(result.text);
    setCaret(result.caret);
    setActive(0);
    requestAnimationFrame(() => {
      if (!element) return;
      element.focus();
      element.setSelectionRange(result.caret, result.caret);
    });
  };

  /** True when the key was the list's. */
  const onKeyDown = (event: KeyboardEvent, element: HTMLTextAreaElement): boolean => {
    if (!open || event.altKey || event.ctrlKey || event.metaKey) return false;
    const chosen = matches[current];
    switch (event.key) {
      case "ArrowDown": setActive((current + 1) % matches.length); break;
      case "ArrowUp": setActive((current - 1 + matches.length) % matches.length); break;
      case "Enter":
      case "Tab":
        if (event.shiftKey || !chosen) return false;
        insert(element, chosen);
        break;
      case "Escape": setDismissed(queryKey); break;
      default: return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  const textboxProps = {
    "aria-autocomplete": "list" as const,
    "aria-controls": open ? listId : undefined,
    "aria-activedescendant": open ? optionId(current) : undefined,
  };

  const popup = (element: () => HTMLTextAreaElement | null) => (
    <>
      {open ? (
        <div class="canned-popup">
          <ul id={listId} role="listbox" aria-label={t("canned.suggestions")}>
            {matches.map((response, i) => (
              <li key={response.id} id={optionId(i)} role="option" aria-selected={i === current ? "true" : "false"}
                class="canned-option" onMouseDown={(e) => e.preventDefault()} onClick={() => insert(element(), response)}>
                <span class="canned-shortcut">/{response.shortcut}</span>{" "}
                <span class="canned-text">{response.text}</span>
                {response.dealerName ? <span class="canned-scope"> · {response.dealerName}</span> : null}
              </li>
            ))}
          </ul>
          <p class="hint canned-hint">{t("canned.keys")}</p>
        </div>
      ) : null}
      <span class="visually-hidden" role="status">{open ? t("canned.count", { count: matches.length }) : ""}</span>
    </>
  );

  return { open, track, onKeyDown, textboxProps, popup };
}
