import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatTime } from "../i18n/format.ts";
import { departmentKey, shopperName } from "../chat/labels.ts";
import { formatWaiting } from "../chat/offers.ts";
import { StatusDot } from "../components/StatusDot.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { statusNameKey as statusKey } from "../presence/presence.ts";
import { useNow } from "../useNow.ts";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { getBoard, statusCounts, waitedMs, type LiveBoard } from "./board.ts";
import "./board.css";

/** Read again this often, and at once when anyone's status changes. */
const refreshEveryMs = 5_000;


/** The live board: for one dealer, who is in which status with their chats, and the chats waiting with their wait. */
export function LiveBoardPage({ headingRef, me }: { headingRef: Ref<HTMLHeadingElement>; me: Me }) {
  const { t, locale } = useI18n();
  useDocumentTitle(t("board.pageTitle"));
  const { onStatusChanged } = usePresence();
  const [dealerId, setDealerId] = useState(me.dealers[0]?.id);
  const [board, setBoard] = useState<{ data: LiveBoard; readAt: number } | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const now = useNow(1_000).getTime();
  const latest = useRef(dealerId);
  latest.current = dealerId;

  const load = () => {
    const id = latest.current;
    if (!id) return;
    getBoard(id).then(
      (data) => {
        if (latest.current !== id) return;
        setBoard({ data, readAt: Date.now() });
        setFailed(false);
      },
      () => setFailed(true),
    );
  };

  useEffect(() => {
    setBoard(undefined);
    load();
    const timer = setInterval(load, refreshEveryMs);
    return () => clearInterval(timer);
  }, [dealerId]);
  useEffect(() => onStatusChanged(() => load()), []);

  const waited = (since: string | null) => board && since ? formatWaiting(waitedMs(since, board.data.at, board.readAt, now)) : "";

  return (
    <main id="main" class="page board" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("board.title")}</h1>
      {me.dealers.length > 1 ? (
        <div class="field board-dealer">
          <label for="board-dealer">{t("board.dealer")}</label>
          <select id="board-dealer" value={dealerId} onChange={(e) => setDealerId((e.currentTarget as HTMLSelectElement).value)}>
            {me.dealers.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
      ) : null}
      {failed ? <p class="field-error" role="alert">{t("board.loadFailed")}</p> : null}
      {board === undefined ? <p class="muted" role="status">{t("board.loading")}</p> : (
        <>
          <ul class="board-counts" aria-label={t("board.counts")}>
            {statusCounts(board.data.agents).map(({ status, count }) => (
              <li key={status}><StatusDot status={status} /> {t(statusKey[status])}: <strong>{count}</strong></li>
            ))}
          </ul>
          <p class="muted board-updated" role="status">
            {t("board.updated", { time: formatTime(board.data.at, locale, me.timeZone) })}
          </p>

          <section aria-labelledby="board-waiting">
            <h2 id="board-waiting">{t("board.waiting", { count: board.data.waiting.length })}</h2>
            {board.data.waiting.length === 0 ? <p class="muted">{t("board.noneWaiting")}</p> : (
              <table class="board-table">
                <thead>
                  <tr><th scope="col">{t("board.shopper")}</th><th scope="col">{t("board.department")}</th><th scope="col">{t("board.waited")}</th><th scope="col">{t("board.ringing")}</th></tr>
                </thead>
                <tbody>
                  {board.data.waiting.map((w) => (
                    <tr key={w.conversationId}>
                      <td>{shopperName(w, t)}</td>
                      <td>{t(departmentKey[w.department])}</td>
                      <td class="board-timer">{waited(w.waitingSince)}</td>
                      <td>{w.ringing === 0 ? t("board.nobodyRinging") : w.ringing}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="board-agents">
            <h2 id="board-agents">{t("board.agents")}</h2>
            <table class="board-table">
              <thead>
                <tr><th scope="col">{t("board.agent")}</th><th scope="col">{t("board.status")}</th><th scope="col">{t("board.activeChats")}</th></tr>
              </thead>
              <tbody>
                {board.data.agents.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.name}</th>
                    <td><StatusDot status={a.status} /> {t(statusKey[a.status])}</td>
                    <td>
                      {a.activeChats.length === 0 ? <span class="muted">{t("board.noChats")}</span> : (
                        <ul class="board-chats">
                          {a.activeChats.map((c) => (
                            <li key={c.conversationId}>{shopperName(c, t)} · {t(departmentKey[c.department])} · <span class="board-timer">{waited(c.since)}</span></li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </main>
  );
}
