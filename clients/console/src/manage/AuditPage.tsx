import { useEffect, useState } from "preact/hooks";
import { getAudit, type AuditEntryDto, type DealerDto, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { auditActions, auditChanges, compactJson } from "./audit.ts";

/** Admins: every settings and people change, newest first, by dealer and action, a page at a time. */
export function AuditPage({ me, dealers }: { me: Me; dealers: DealerDto[] }) {
  const { t, locale } = useI18n();
  const [dealerId, setDealerId] = useState("");
  const [action, setAction] = useState("");
  const [entries, setEntries] = useState<AuditEntryDto[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  const load = async (before: number | undefined) => {
    setState("loading");
    try {
      const page = await getAudit({ dealerId: dealerId || undefined, action: action || undefined, before, limit: 50 });
      setEntries((list) => (before === undefined ? page.entries : [...list, ...page.entries]));
      setNext(page.nextBefore);
      setState("ready");
    } catch {
      setState("failed");
    }
  };
  useEffect(() => void load(undefined), [dealerId, action]);

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" class="visually-hidden">{t("audit.entries")}</h2>
      <div class="filters" role="search" aria-label={t("audit.filters")}>
        <div class="field">
          <label for="audit-dealer">{t("manage.dealer")}</label>
          <select id="audit-dealer" value={dealerId} onChange={(e) => setDealerId(e.currentTarget.value)}>
            <option value="">{t("audit.allDealers")}</option>
            {dealers.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="audit-action">{t("audit.action")}</label>
          <select id="audit-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t("audit.allActions")}</option>
            {auditActions.map((a) => <option key={a} value={a}>{a.endsWith(".") ? t("audit.allOf", { prefix: a.slice(0, -1) }) : a}</option>)}
          </select>
        </div>
      </div>
      {state === "failed" ? <p role="alert" class="error-box">{t("manage.loadFailed")}</p> : null}
      {entries.length === 0 && state === "ready" ? <p class="muted">{t("audit.none")}</p> : null}
      {entries.length > 0 ? (
        <div class="table-wrap">
          <table class="manage-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("manage.dealer")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td class="nowrap">{formatDateTime(e.at, locale, me.timeZone)}</td>
                  <td>{e.actorName}</td>
                  <td>{e.dealerName ?? ""}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.targetName ?? e.targetId ?? ""} <span class="muted">({e.targetType})</span></td>
                  <td class="audit-change"><AuditChangeCell before={e.before} after={e.after} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p role="status" class="muted">{state === "loading" ? t("app.loading") : ""}</p>
      {next !== null && state !== "loading" ? (
        <button type="button" class="button secondary" onClick={() => void load(next)}>{t("audit.more")}</button>
      ) : null}
    </section>
  );
}

/** Before → after as text: for an update, only the fields that changed; for a creation or deletion, the whole record. */
function AuditChangeCell({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  if (before == null && after == null) return null;
  if (before == null || after == null) return <code class="json">{compactJson(before ?? after)}</code>;
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span class="muted">{t("audit.noChange")}</span>;
  return (
    <ul class="audit-diff">
      {changes.slice(0, 12).map((c) => (
        <li key={c.path}>
          <code>{c.path}</code>: <code class="json">{c.before}</code> <span aria-label={t("audit.becomes")}>→</span> <code class="json">{c.after}</code>
        </li>
      ))}
      {changes.length > 12 ? <li class="muted">{t("audit.moreChanges", { count: changes.length - 12 })}</li> : null}
    </ul>
  );
}
