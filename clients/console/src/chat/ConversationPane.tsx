import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { maxMessageLength, type AgentConversationDto, type MessageDto, type PendingMessage } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime, formatTime } from "../i18n/format.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import type { Chat } from "./ChatsContext.tsx";
import { useChats } from "./ChatsContext.tsx";
import { composerKey, linkify, readReceiptSeq, safeHttpUrl, vehicleSummary } from "./chats.ts";
import { departmentKey, shopperName, vehicleExtras } from "./labels.ts";
import { TypingSender } from "./typing.ts";
import { useCannedSuggest } from "./CannedSuggest.tsx";
import { CannedDialog } from "./CannedDialog.tsx";
import { BlockVisitor } from "./BlockVisitor.tsx";
import { TransferBar, TransferButton } from "./TransferDialog.tsx";
import { replyShortcut } from "./shortcuts.ts";
import { NotesPanel } from "./NotesPanel.tsx";

/** The open chat: the shopper's details, the messages, the composer and End chat. */
export function ConversationPane({ chat }: { chat: Chat }) {
  const { t } = useI18n();
  const { conversation } = chat;
  const name = shopperName(conversation, t);
  const ended = conversation.status === "Ended";
  return (
    <section class="conversation" aria-labelledby="conversation-heading">
      <header class="conversation-header">
        <div>
          <h2 id="conversation-heading">{name}</h2>
          <p class="muted conversation-sub">
            {conversation.dealerName} · {t(departmentKey[conversation.department])}
            {ended ? <> · <span class="conversation-ended-mark">{t("chat.ended")}</span></> : null}
          </p>
        </div>
        <div class="conversation-actions">
          <TransferButton conversation={conversation} name={name} />
          {ended ? null : <BlockVisitor conversation={conversation} name={name} />}
          <EndChat conversation={conversation} name={name} />
        </div>
      </header>
      <TransferBar conversation={conversation} />
      <ShopperDetails conversation={conversation} />
      <MessageList chat={chat} name={name} />
      <p class="typing-indicator" role="status">{chat.shopperTyping && !ended ? t("chat.typing", { name }) : null}</p>
      {ended ? <p class="conversation-ended-notice" role="status">{t("chat.endedNotice")}</p> : null}
      <Composer key={conversation.id} conversationId={conversation.id} dealerId={conversation.dealerId} name={name} disabled={ended} />
      <NotesPanel key={`notes-${conversation.id}`} conversationId={conversation.id} disabled={ended} />
    </section>
  );
}

function EndChat({ conversation, name }: { conversation: AgentConversationDto; name: string }) {
  const { t } = useI18n();
  const { end, close } = useChats();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) endButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (conversation.status === "Ended") {
    const closeChat = () => {
      close(conversation.id);
      // The button is gone: focus goes to the next chat in the list, or to the page heading when none is left.
      requestAnimationFrame(() => (document.querySelector<HTMLElement>(".chat-item") ?? document.getElementById("page-heading"))?.focus());
    };
    return <button type="button" class="button secondary" onClick={closeChat}>{t("chat.close")}</button>;
  }
  if (!confirming) {
    return (
      <button ref={endButton} type="button" class="button secondary" onClick={() => { setFailed(false); setConfirming(true); }}>
        {t("chat.end")}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await end(conversation.id);
      setConfirming(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="end-confirm" role="group" aria-labelledby="end-confirm-question" onKeyDown={(e) => e.key === "Escape" && setConfirming(false)}>
      <p id="end-confirm-question">{t("chat.endConfirm", { name })}</p>
      {failed ? <p class="field-error" role="alert">{t("chat.endFailed")}</p> : null}
      <div class="end-confirm-actions">
        <button ref={confirmButton} type="button" class="button danger" aria-disabled={busy ? "true" : undefined} onClick={() => !busy && void confirm()}>
          {t("chat.endYes")}
        </button>
        <button type="button" class="button secondary" onClick={() => setConfirming(false)}>{t("chat.endCancel")}</button>
      </div>
    </div>
  );
}

function ShopperDetails({ conversation }: { conversation: AgentConversationDto }) {
  const { t, locale } = useI18n();
  const { me } = usePresence();
  const summary = vehicleSummary(conversation.vehicle);
  const pageUrl = safeHttpUrl(conversation.pageUrl);
  const extras = vehicleExtras(conversation.vehicle, t, locale);
  const none = <span class="muted">{t("chat.details.none")}</span>;
  return (
    <dl class="shopper-details" aria-label={t("chat.details")}>
      <div>
        <dt>{t("chat.details.name")}</dt>
        <dd>
          {conversation.shopperName ?? none}
          {conversation.returningShopper ? <> <span class="tag">{t("chat.returning")}</span></> : null}
        </dd>
      </div>
      <div><dt>{t("chat.details.email")}</dt><dd>{conversation.shopperEmail ?? none}</dd></div>
      <div><dt>{t("chat.details.phone")}</dt><dd>{conversation.shopperPhone ?? none}</dd></div>
      <div>
        <dt>{t("chat.details.vehicle")}</dt>
        <dd>
          {summary ?? (extras.length === 0 ? none : null)}
          {extras.length > 0 ? <span class="muted shopper-vehicle-extras">{(summary ? " · " : "") + extras.join(" · ")}</span> : null}
        </dd>
      </div>
      <div class="shopper-details-wide">
        <dt>{t("chat.details.page")}</dt>
        <dd class="shopper-page">
          {pageUrl ? (
            <a href={pageUrl} target="_blank" rel="noopener noreferrer">{conversation.pageTitle ?? pageUrl}</a>
          ) : conversation.pageUrl ? (
            conversation.pageUrl
          ) : (
            none
          )}
        </dd>
      </div>
      {(conversation.pagesVisited?.length ?? 0) > 1 ? (
        <div class="shopper-details-wide">
          <dt>{t("chat.details.pagesVisited")}</dt>
          <dd>
            <ol class="shopper-pages">
              {conversation.pagesVisited.map((page, index) => {
                const href = safeHttpUrl(page.url);
                return (
                  <li key={`${index}-${page.at}`}>
                    {href ? <a href={href} target="_blank" rel="noopener noreferrer">{page.title ?? href}</a> : page.title ?? page.url}
                    {" "}
                    <time class="muted" dateTime={page.at}>{formatTime(page.at, locale, me.timeZone)}</time>
                  </li>
                );
              })}
            </ol>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function MessageList({ chat, name }: { chat: Chat; name: string }) {
  const { t, locale } = useI18n();
  const { me } = usePresence();
  const { discard } = useChats();
  const log = useRef<HTMLDivElement>(null);
  const { messages, pending } = chat.log;
  const count = messages.length + pending.length;
  const readSeq = readReceiptSeq(messages, chat.conversation.shopperReadSeq);

  // Newest at the bottom, in view.
  useLayoutEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count, chat.conversation.id]);

  const senderLabel = (message: MessageDto) =>
    message.sender === "Shopper" ? name : message.senderName ?? me.firstName;

  return (
    <div ref={log} class="message-log" role="log" aria-label={t("chat.log", { name })} tabIndex={0}>
      {count === 0 ? <p class="muted message-log-empty">{t("chat.noMessages")}</p> : null}
      <ol>
        {messages.map((message) =>
          message.sender === "System" ? (
            <li key={message.seq} class="message message-system">
              <span class="message-text">{message.text}</span>
              {" "}
              <time class="message-time" dateTime={message.sentAt} title={formatDateTime(message.sentAt, locale, me.timeZone)}>
                {formatTime(message.sentAt, locale, me.timeZone)}
              </time>
            </li>
          ) : (
            <li key={message.seq} class={`message message-${message.sender === "Shopper" ? "shopper" : "agent"}`}>
              <span class="message-meta">
                <span class="message-sender">{senderLabel(message)}</span>
                {" "}
                <time class="message-time" dateTime={message.sentAt} title={formatDateTime(message.sentAt, locale, me.timeZone)}>
                  {formatTime(message.sentAt, locale, me.timeZone)}
                </time>
              </span>
              <MessageText text={message.text} />
              {message.sender === "Agent" ? (
                <span class={`message-state${message.seq === readSeq ? " message-state-read" : ""}`}>
                  {message.seq === readSeq ? t("chat.read") : t("chat.sent")}
                </span>
              ) : null}
            </li>
          ),
        )}
        {pending.map((message) => (
          <PendingItem key={message.clientMessageId} message={message} sender={me.firstName}
            onDiscard={() => discard(chat.conversation.id, message.clientMessageId)} />
        ))}
      </ol>
    </div>
  );
}

function PendingItem({ message, sender, onDiscard }: { message: PendingMessage; sender: string; onDiscard: () => void }) {
  const { t } = useI18n();
  return (
    <li class={`message message-agent message-pending${message.error ? " message-failed" : ""}`}>
      <span class="message-meta"><span class="message-sender">{sender}</span></span>
      <MessageText text={message.text} />
      {message.error ? (
        <span class="message-state message-state-failed">
          {t("chat.failed", { reason: message.error })}{" "}
          <button type="button" class="link-button" onClick={onDiscard}>{t("chat.discard")}</button>
        </span>
      ) : (
        <span class="message-state">{t("chat.pending")}</span>
      )}
    </li>
  );
}

/** Text as text nodes; http(s) addresses become links that open apart from the console. */
function MessageText({ text }: { text: string }) {
  return (
    <p class="message-text">
      {linkify(text).map((part, i) =>
        "url" in part ? <a key={i} href={part.url} target="_blank" rel="noopener noreferrer">{part.text}</a> : part.text,
      )}
    </p>
  );
}

function Composer({ conversationId, dealerId, name, disabled }: { conversationId: string; dealerId: string; name: string; disabled: boolean }) {
  const { t } = useI18n();
  const { send, typing } = useChats();
  const [text, setText] = useState("");
  const [tooLong, setTooLong] = useState(false);
  const [managing, setManaging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const typingSender = useMemo(() => new TypingSender((on) => typing(conversationId, on)), [conversationId]);
  const canned = useCannedSuggest(dealerId, text, (value) => {
    setText(value);
    typingSender.input(value.trim().length > 0);
  });
  // Leaving the chat (another chat, another page) stops the shopper's "typing…".
  useEffect(() => () => typingSender.stop(), [typingSender]);

  const submit = () => {
    const message = text.trim();
    if (disabled || message.length === 0) return;
    if (message.length > maxMessageLength) {
      setTooLong(true);
      return;
    }
    typingSender.stop();
    send(conversationId, message);
    setText("");
    setTooLong(false);
  };

  return (
    <>
      <form class="composer" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label for="composer-text" class="visually-hidden">{t("chat.composer", { name })}</label>
        <textarea
          id="composer-text"
          rows={2}
          value={text}
          disabled={disabled}
          placeholder={disabled ? undefined : t("chat.composer", { name })}
          ref={textarea}
          aria-describedby="composer-hint"
          aria-invalid={tooLong ? "true" : undefined}
          aria-keyshortcuts={replyShortcut}
          {...canned.textboxProps}
          onInput={(e) => {
            setText(e.currentTarget.value);
            canned.track(e.currentTarget);
            typingSender.input(e.currentTarget.value.trim().length > 0);
          }}
          onKeyUp={(e) => /^(Arrow(Left|Right)|Home|End)$/.test(e.key) && canned.track(e.currentTarget)}
          onClick={(e) => canned.track(e.currentTarget)}
          onKeyDown={(e) => {
            if (canned.onKeyDown(e, e.currentTarget)) return;
            if (composerKey(e) !== "send") return;
            e.preventDefault();
            submit();
          }}
        />
        {canned.popup(() => textarea.current)}
        <div class="composer-bar">
          <span id="composer-hint" class={tooLong ? "field-error" : "hint"}>
            {tooLong ? t("chat.tooLong", { max: maxMessageLength }) : t("chat.composerHint")}
            {tooLong ? null : <> {t("canned.composerHint")}</>}
          </span>
          <button type="button" class="button secondary" onClick={() => setManaging(true)}>{t("canned.manage")}</button>
          <button type="submit" class="button primary" disabled={disabled}>{t("chat.send")}</button>
        </div>
      </form>
      {managing ? <CannedDialog onClose={() => setManaging(false)} /> : null}
    </>
  );
}
