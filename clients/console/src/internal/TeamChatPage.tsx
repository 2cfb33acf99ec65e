import type { Ref } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { maxMessageLength } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { pluralKey } from "../i18n/index.ts";
import { formatDateTime, formatTime } from "../i18n/format.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { composerKey, nextIndex } from "../chat/chats.ts";
import { useInternalChats, type ThreadView } from "./InternalChatsContext.tsx";
import type { InternalLine } from "./internal.ts";

/** Team chat: the team room and direct chats with colleagues, agents only. */
export function TeamChatPage({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  const { threads, loadFailed, selectedId, select, setPageOpen, totalUnread } = useInternalChats();
  useDocumentTitle(totalUnread > 0 ? `(${totalUnread}) ${t("internal.pageTitle")}` : t("internal.pageTitle"));

  useEffect(() => {
    setPageOpen(true);
    return () => setPageOpen(false);
  }, []);

  // Nothing chosen yet: the first thread (the team room) opens.
  const firstId = threads?.[0]?.thread.id;
  useEffect(() => {
    if (firstId !== undefined && (selectedId === undefined || !threads?.some((v) => v.thread.id === selectedId))) select(firstId);
  }, [firstId, selectedId]);

  const open = threads?.find((view) => view.thread.id === selectedId);
  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("internal.title")}</h1>
      <p class="hint team-chat-intro">{t("internal.intro")}</p>
      {loadFailed ? <p class="error-box" role="alert">{t("internal.loadFailed")}</p> : null}
      {threads === undefined ? (
        loadFailed ? null : <p class="muted" role="status">{t("internal.loading")}</p>
      ) : (
        <div class="team-chat-layout">
          <ThreadList threads={threads} selectedId={selectedId} onSelect={select} />
          {open ? <ThreadPane key={open.thread.id} view={open} /> : null}
        </div>
      )}
    </main>
  );
}

function ThreadList({ threads, selectedId, onSelect }: { threads: ThreadView[]; selectedId: string | undefined; onSelect: (id: string) => void }) {
  const { t, locale } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button.thread-item") ?? [])];
    const next = nextIndex(event.key, buttons.indexOf(document.activeElement as HTMLButtonElement), buttons.length);
    if (next === undefined || !buttons.includes(document.activeElement as HTMLButtonElement)) return;
    event.preventDefault();
    buttons[next]?.focus();
  };
  return (
    <nav class="thread-list" aria-labelledby="threads-heading">
      <h2 id="threads-heading">{t("internal.threads")}</h2>
      <ul ref={list} onKeyDown={onKeyDown}>
        {threads.map(({ thread, log, unread }) => {
          const last = log.pending.at(-1)?.text ?? log.messages.at(-1)?.text;
          return (
            <li key={thread.id}>
              <button type="button" class="thread-item" aria-current={thread.id === selectedId ? "true" : undefined} onClick={() => onSelect(thread.id)}>
                <span class="chat-item-top">
                  <span class="chat-item-name">{thread.kind === "TeamRoom" ? t("internal.teamRoom") : thread.title}</span>
                  {unread > 0 ? (
                    <span class="chat-badge">
                      <span aria-hidden="true">{unread}</span>
                      <span class="visually-hidden">{t(pluralKey(locale, "chat.unread", unread), { count: unread })}</span>
                    </span>
                  ) : null}
                </span>
                <span class="chat-item-meta">{thread.kind === "TeamRoom" ? thread.dealerName : t("internal.direct", { dealer: thread.dealerName })}</span>
                {last ? <span class="chat-item-last">{last}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function ThreadPane({ view }: { view: ThreadView }) {
  const { t } = useI18n();
  const { thread } = view;
  const title = thread.kind === "TeamRoom" ? t("internal.teamRoom") : thread.title;
  return (
    <section class="conversation thread-pane" aria-labelledby="thread-heading">
      <header class="conversation-header">
        <div>
          <h2 id="thread-heading">{title}</h2>
          <p class="muted conversation-sub">
            {thread.kind === "TeamRoom" ? t("internal.roomSub", { dealer: thread.dealerName }) : t("internal.directSub", { name: thread.title })}
          </p>
        </div>
      </header>
      <ThreadMessages view={view} title={title} />
      <ThreadComposer threadId={thread.id} title={title} />
    </section>
  );
}

function ThreadMessages({ view, title }: { view: ThreadView; title: string }) {
  const { t, locale } = useI18n();
  const { me } = usePresence();
  const { discard } = useInternalChats();
  const log = useRef<HTMLDivElement>(null);
  const messages = view.log.messages as readonly InternalLine[];
  const { pending } = view.log;
  const count = messages.length + pending.length;
  useLayoutEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);
  const mine = (line: InternalLine) => line.agentId.toLowerCase() === me.id.toLowerCase();
  return (
    <div ref={log} class="message-log" role="log" aria-label={t("internal.log", { name: title })} tabIndex={0}>
      {count === 0 ? <p class="muted message-log-empty">{t("internal.noMessages")}</p> : null}
      <ol>
        {messages.map((line) => (
          <li key={line.seq} class={`message ${mine(line) ? "message-agent" : "message-shopper message-colleague"}`}>
            <span class="message-meta">
              <span class="message-sender">{mine(line) ? me.firstName : line.senderName}</span>
              {" "}
              <time class="message-time" dateTime={line.sentAt} title={formatDateTime(line.sentAt, locale, me.timeZone)}>
                {formatTime(line.sentAt, locale, me.timeZone)}
              </time>
            </span>
            <p class="message-text">{line.text}</p>
            {mine(line) ? <span class="message-state">{t("chat.sent")}</span> : null}
          </li>
        ))}
        {pending.map((message) => (
          <li key={message.clientMessageId} class={`message message-agent message-pending${message.error ? " message-failed" : ""}`}>
            <span class="message-meta"><span class="message-sender">{me.firstName}</span></span>
            <p class="message-text">{message.text}</p>
            {message.error ? (
              <span class="message-state message-state-failed">
                {t("chat.failed", { reason: message.error })}{" "}
                <button type="button" class="link-button" onClick={() => discard(view.thread.id, message.clientMessageId)}>{t("chat.discard")}</button>
              </span>
            ) : (
              <span class="message-state">{t("chat.pending")}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function ThreadComposer({ threadId, title }: { threadId: string; title: string }) {
  const { t } = useI18n();
  const { send } = useInternalChats();
  const [text, setText] = useState("");
  const [tooLong, setTooLong] = useState(false);
  const submit = () => {
    const message = text.trim();
    if (message.length === 0) return;
    if (message.length > maxMessageLength) {
      setTooLong(true);
      return;
    }
    send(threadId, message);
    setText("");
    setTooLong(false);
  };
  return (
    <form class="composer" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <label for="team-composer" class="visually-hidden">{t("internal.composer", { name: title })}</label>
      <textarea
        id="team-composer"
        rows={2}
        value={text}
        placeholder={t("internal.composer", { name: title })}
        aria-describedby="team-composer-hint"
        aria-invalid={tooLong ? "true" : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (composerKey(e) !== "send") return;
          e.preventDefault();
          submit();
        }}
      />
      <div class="composer-bar">
        <span id="team-composer-hint" class={tooLong ? "field-error" : "hint"}>
          {tooLong ? t("chat.tooLong", { max: maxMessageLength }) : t("chat.composerHint")}
        </span>
        <button type="submit" class="button primary">{t("chat.send")}</button>
      </div>
    </form>
  );
}
