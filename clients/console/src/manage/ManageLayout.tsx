import type { ComponentChildren, Ref } from "preact";
import { useEffect, useState } from "preact/hooks";
import { getDealers, type DealerDto, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { navigate } from "../router.ts";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import "./manage.css";

interface Section {
  path: string;
  label: MessageKey;
  adminOnly: boolean;
  perDealer: boolean;
}

export const manageSections: readonly Section[] = [
  { path: "/manage/people", label: "manage.nav.people", adminOnly: false, perDealer: true },
  { path: "/manage/dealer", label: "manage.nav.dealer", adminOnly: false, perDealer: true },
  { path: "/manage/board", label: "manage.nav.board", adminOnly: false, perDealer: false },
  { path: "/manage/dealers", label: "manage.nav.dealers", adminOnly: true, perDealer: false },
  { path: "/manage/canned", label: "manage.nav.canned", adminOnly: false, perDealer: true },
  { path: "/manage/audit", label: "manage.nav.audit", adminOnly: true, perDealer: false },
  { path: "/manage/mail", label: "manage.nav.mail", adminOnly: true, perDealer: false },
];

export const isManager = (me: Me) => me.role === "Manager" || me.role === "Admin";

/** The paths of the Manage section this agent may open ("/manage" itself goes to People). */
export function isManagePath(path: string, me: Me): boolean {
  if (!isManager(me)) return false;
  return path === "/manage" || manageSections.some((s) => s.path === path && (!s.adminOnly || me.role === "Admin"));
}

/** The dealer in "?dealer=" when it is one of the list, else the first. */
export function chosenDealer(dealers: readonly DealerDto[], search: string): DealerDto | undefined {
  const wanted = new URLSearchParams(search).get("dealer")?.toLowerCase();
  return dealers.find((d) => d.id.toLowerCase() === wanted) ?? dealers[0];
}

/** The Manage section's frame: heading, sub-navigation (a nav landmark of links) and, per dealer, the dealer picker. */
export function ManageLayout({ me, path, headingRef, title, documentTitle, children }: {
  me: Me;
  path: string;
  headingRef: Ref<HTMLHeadingElement>;
  title: string;
  documentTitle: string;
  children: (dealer: DealerDto | undefined, dealers: DealerDto[], reload: () => void) => ComponentChildren;
}) {
  const { t } = useI18n();
  useDocumentTitle(documentTitle);
  const [dealers, setDealers] = useState<DealerDto[] | "loading" | "failed">("loading");
  // The dealer lives in the URL ("?dealer="): read it on every render; the counter re-renders after replaceState.
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((v) => v + 1);
  const search = location.search;
  const section = manageSections.find((s) => s.path === path);

  const load = () => getDealers().then((list) => setDealers([...list].sort((a, b) => a.name.localeCompare(b.name))), () => setDealers("failed"));
  useEffect(() => void load(), []);
  useEffect(() => {
    addEventListener("popstate", rerender);
    return () => removeEventListener("popstate", rerender);
  }, []);

  const list = typeof dealers === "string" ? [] : dealers;
  const dealer = chosenDealer(list, search);

  const choose = (id: string) => {
    history.replaceState(null, "", `${location.pathname}?dealer=${encodeURIComponent(id)}`);
    rerender();
  };

  const go = (event: MouseEvent, to: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    rerender();
  };

  const hrefOf = (s: Section) => (s.perDealer && dealer ? `${s.path}?dealer=${encodeURIComponent(dealer.id)}` : s.path);

  return (
    <main id="main" class="page manage" aria-labelledby="page-heading">
      <div class="manage-top">
        <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{title}</h1>
        {section?.perDealer && list.length > 0 ? (
          <div class="field manage-dealer">
            <label for="manage-dealer">{t("manage.dealer")}</label>
            <select id="manage-dealer" value={dealer?.id} onChange={(e) => choose(e.currentTarget.value)}>
              {list.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
        ) : null}
      </div>
      <nav aria-label={t("manage.nav.label")} class="manage-nav">
        <ul>
          {manageSections.filter((s) => !s.adminOnly || me.role === "Admin").map((s) => (
            <li key={s.path}>
              <a href={hrefOf(s)} aria-current={s.path === path ? "page" : undefined} onClick={(e) => go(e, hrefOf(s))}>{t(s.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="manage-body">
        {dealers === "loading" ? <p role="status" class="muted">{t("app.loading")}</p>
          : dealers === "failed" ? <p role="alert" class="error-box">{t("manage.loadFailed")}</p>
          : section?.perDealer && !dealer ? <p class="empty-state">{t("manage.noDealers")}</p>
          : children(dealer, list, () => void load())}
      </div>
    </main>
  );
}

/** Copies text, saying so in a status line; when the browser refuses, the text is selected for Ctrl+C. */
export function CopyButton({ text, label, target }: { text: string; label: string; target?: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState<string | undefined>(undefined);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t("manage.copied"));
    } catch {
      const field = target ? (document.getElementById(target) as HTMLInputElement | HTMLTextAreaElement | null) : null;
      field?.focus();
      field?.select();
      setSaid(t("manage.copyManually"));
    }
  };
  return (
    <span class="copy">
      <button type="button" class="button secondary small" onClick={copy}>{label}</button>
      <span role="status" class="muted copy-status">{said}</span>
    </span>
  );
}
