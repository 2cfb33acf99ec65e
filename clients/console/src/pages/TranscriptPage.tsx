import type { Ref } from "preact";
import { useEffect, useState } from "preact/hooks";
import { apiFetch, ApiError, type Me, type MessageDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { linkClick } from "../router.ts";
import { linkify, safeHttpUrl, vehicleSummary } from "../chat/chats.ts";
import { departmentKey, shopperName } from "../chat/labels.ts";
import type { Transcript } from "../history/history.ts";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import "../history/history.css";

/** One past chat, read-only: who, where, and every message with its time in the agent's zone. */
export function TranscriptPage({ headingRef, me, conversationId }: { headingRef: Ref<HTMLHeadingElement>; me: Me; conversationId: string }) {
  const { t, locale } = useI18n();
  const [transcript, setTranscript] = useState<Transcript | undefined>(undefined);
  const [error, setError] = useState<"notFound" | "failed" | undefined>(undefined);
  const name = transcript ? shopperName(transcript.conversation, t) : undefined;
  useDocumentTitle(name ? t("transcript.pageTitle", { name }) : t("history.pageTitle"));

  useEffect(() => {
    apiFetch<Transcript>(`/api/conversations/${encodeURIComponent(conversationId)}/transcript`).then(setTranscript, (e: unknown) =>
      setError(e instanceof ApiError && e.status === 404 ? "notFound" : "failed"));
  }, [conversationId]);

  const when = (iso: string) => formatDateTime(iso, locale, me.timeZone);
  const sender = (m: MessageDto) => (m.sender === "Shopper" ? name : m.sender === "Agent" ? m.senderName ?? transcript?.agentName ?? "" : "");
  const c = transcript?.conversation;
  const vehicle = c ? vehicleSummary(c.vehicle) : undefined;
  const pageUrl = c ? safeHttpUrl(c.pageUrl) : undefined;

  return (
    <main id="main" class="page history" aria-labelledby="page-heading">
      <p class="back-link"><a href="/history" onClick={linkClick}>{t("transcript.back")}</a></p>
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{name ? t("transcript.title", { name }) : t("history.title")}</h1>
      {error ? <p class="error-box" role="alert">{t(error === "notFound" ? "transcript.notFound" : "transcript.failed")}</p> : null}
      {!transcript && !error ? <p role="status" class="muted">{t("history.loading")}</p> : null}
      {transcript && c ? (
        <>
          <p class="hint">{t("transcript.readOnly")}</p>
          <dl class="shopper-details transcript-details" aria-label={t("chat.details")}>
            <div><dt>{t("chat.details.email")}</dt><dd>{c.shopperEmail ?? t("chat.details.none")}</dd></div>
            <div><dt>{t("chat.details.phone")}</dt><dd>{c.shopperPhone ?? t("chat.details.none")}</dd></div>
            <div><dt>{t("transcript.dealer")}</dt><dd>{c.dealerName} · {t(departmentKey[c.department])}</dd></div>
            <div><dt>{t("transcript.started")}</dt><dd>{when(c.createdAt)}</dd></div>
            <div><dt>{t("transcript.ended")}</dt><dd>{transcript.endedAt ? when(transcript.endedAt) : t("chat.details.none")}</dd></div>
            <div><dt>{t("transcript.agent")}</dt><dd>{transcript.agentName ?? t("chat.details.none")}</dd></div>
            <div><dt>{t("chat.details.vehicle")}</dt><dd>{vehicle ?? t("chat.details.none")}</dd></div>
            <div class="shopper-details-wide">
              <dt>{t("chat.details.page")}</dt>
              <dd>{pageUrl ? <a href={pageUrl} target="_blank" rel="noopener noreferrer">{c.pageTitle ?? pageUrl}</a> : c.pageUrl ?? t("chat.details.none")}</dd>
            </div>
          </dl>
          <ol class="transcript" aria-label={t("transcript.messages", { name: name ?? "" })}>
            {transcript.messages.length === 0 ? <li class="muted">{t("chat.noMessages")}</li> : null}
            {transcript.messages.map((m) => (
              <li key={m.seq} class={`transcript-line transcript-${m.sender.toLowerCase()}`}>
                <span class="transcript-meta">
                  {m.sender === "System" ? null : <strong>{sender(m)}</strong>}{" "}
                  <time dateTime={m.sentAt}>{when(m.sentAt)}</time>
                </span>
                <p class="transcript-text">
                  {linkify(m.text).map((part, i) =>
                    "url" in part ? <a key={i} href={part.url} target="_blank" rel="noopener noreferrer">{part.text}</a> : part.text)}
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </main>
  );
}
