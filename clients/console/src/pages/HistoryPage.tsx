import type { Ref } from "preact";
import { useEffect, useState } from "preact/hooks";
import { apiFetch, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { linkClick } from "../router.ts";
import { departmentKey, shopperName } from "../chat/labels.ts";
import { emptySearch, historyQuery, type HistoryItem, type HistoryPage as Page, type HistorySearch } from "../history/history.ts";
import { BlockedShoppers } from "../history/BlockedShoppers.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import "../history/history.css";

/** The last search and its results, kept while the agent reads a transcript and comes back (for that agent only). */
let last: { agentId: string; search: HistorySearch; items: HistoryItem[]; before: string | null } | undefined;

/** History: the closed chats of the agent's dealers, searched by shopper name, phone, e-mail, text and dates. */
export function HistoryPage({ headingRef, me }: { headingRef: Ref<HTMLHeadingElement>; me: Me }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t("history.pageTitle"));
  const kept = last?.agentId === me.id ? last : undefined;
  const [search, setSearch] = useState<HistorySearch>(kept?.search ?? emptySearch);
  const [items, setItems] = useState<HistoryItem[] | undefined>(kept?.items);
  const [before, setBefore] = useState<string | null>(kept?.before ?? null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [searched, setSearched] = useState(kept?.search ?? emptySearch);

  const load = async (next: HistorySearch, after?: string) => {
    setBusy(true);
    setFailed(false);
    try {
      const page = await apiFetch<Page>(`/api/conversations/history${historyQuery(next, me.timeZone, after)}`);
      const all = after ? [...(items ?? []), ...page.items] : page.items;
      setItems(all);
      setBefore(page.before);
      setSearched(next);
      last = { agentId: me.id, search: next, items: all, before: page.before };
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!kept) void load(emptySearch);
  }, []);

  const field = (name: keyof HistorySearch) => ({
    value: search[name],
    onInput: (e: Event) => setSearch({ ...search, [name]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <main id="main" class="page history" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("history.title")}</h1>
      <form role="search" aria-label={t("history.searchLabel")} class="history-search" onSubmit={(e) => { e.preventDefault(); void load(search); }}>
        <div class="field history-q">
          <label for="history-q">{t("history.q")}</label>
          <input id="history-q" type="search" {...field("q")} aria-describedby="history-q-hint" />
          <p id="history-q-hint" class="hint">{t("history.qHint")}</p>
        </div>
        <div class="field">
          <label for="history-from">{t("history.from")}</label>
          <input id="history-from" type="date" {...field("from")} />
        </div>
        <div class="field">
          <label for="history-to">{t("history.to")}</label>
          <input id="history-to" type="date" {...field("to")} />
        </div>
        {me.dealers.length > 1 ? (
          <div class="field">
            <label for="history-dealer">{t("chat.dealerFilter")}</label>
            <select id="history-dealer" value={search.dealerId} onChange={(e) => setSearch({ ...search, dealerId: e.currentTarget.value })}>
              <option value="">{t("chat.allDealers")}</option>
              {me.dealers.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
        ) : null}
        <div class="history-submit">
          <button type="submit" class="button primary" aria-disabled={busy ? "true" : undefined}>{t("history.search")}</button>
        </div>
      </form>
      <p role="status" class="history-status">
        {failed ? "" : busy && !items ? t("history.loading") : items ? t(items.length === 0 ? "history.none" : before ? "history.countMore" : "history.count", { count: items.length }) : ""}
      </p>
      {failed ? <p class="error-box" role="alert">{t("history.failed")}</p> : null}
      {items && items.length > 0 ? (
        <ul class="history-list" aria-label={t("history.results")}>
          {items.map((item) => (
            <li key={item.conversation.id} class="history-item">
              <a href={`/history/${item.conversation.id}`} onClick={linkClick} class="history-link">
                {shopperName(item.conversation, t)}
              </a>
              <span class="history-meta">
                {item.conversation.dealerName} · {t(departmentKey[item.conversation.department])}
                {item.agentName ? <> · {t("history.agent", { name: item.agentName })}</> : null}
              </span>
              <span class="history-meta">
                <time dateTime={item.conversation.createdAt}>{formatDateTime(item.conversation.createdAt, locale, me.timeZone)}</time>
                {item.conversation.shopperEmail ? <> · {item.conversation.shopperEmail}</> : null}
                {item.conversation.shopperPhone ? <> · {item.conversation.shopperPhone}</> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {before ? (
        <button type="button" class="button secondary history-more" aria-disabled={busy ? "true" : undefined}
          onClick={() => !busy && void load(searched, before)}>{t("history.more")}</button>
      ) : null}
      {me.role !== "Agent" && me.dealers.length > 0 ? <BlockedShoppers me={me} /> : null}
    </main>
  );
}
