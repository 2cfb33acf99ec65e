import { useRef } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import { pluralKey } from "../i18n/index.ts";
import type { Chat } from "./ChatsContext.tsx";
import { departmentKey, shopperName } from "./labels.ts";
import { nextIndex, vehicleSummary } from "./chats.ts";
import { formatWaiting } from "./offers.ts";
import { replyWait, replyWaitingSince } from "./waiting.ts";
import { useNow } from "../useNow.ts";

/** "My chats": one button per chat (Tab or the arrow keys move between them), the open one marked current. */
export function ChatList({ chats, selectedId, onSelect }: { chats: Chat[]; selectedId: string | undefined; onSelect: (id: string) => void }) {
  const { t, locale } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  const now = useNow(1000).getTime();

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button.chat-item") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = nextIndex(event.key, index, buttons.length);
    if (next === undefined) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <nav class="chat-list" aria-labelledby="my-chats-heading">
      <h2 id="my-chats-heading">{t("chat.mine")}</h2>
      <ul ref={list} onKeyDown={onKeyDown}>
        {chats.map(({ conversation, log, unread }) => {
          const vehicle = vehicleSummary(conversation.vehicle);
          const last = log.pending.at(-1)?.text ?? log.messages.at(-1)?.text;
          const ended = conversation.status === "Ended";
          const wait = ended ? undefined : replyWait(replyWaitingSince(log.messages, log.pending.length > 0), now);
          return (
            <li key={conversation.id}>
              <button
                type="button"
                class={`chat-item${ended ? " chat-item-ended" : ""}${wait?.overdue ? " chat-item-overdue" : ""}`}
                aria-current={conversation.id === selectedId ? "true" : undefined}
                onClick={() => onSelect(conversation.id)}
              >
                <span class="chat-item-top">
                  <span class="chat-item-name">{shopperName(conversation, t)}</span>
                  {unread > 0 ? (
                    <span class="chat-badge">
                      <span aria-hidden="true">{unread}</span>
                      <span class="visually-hidden">{t(pluralKey(locale, "chat.unread", unread), { count: unread })}</span>
                    </span>
                  ) : null}
                </span>
                <span class="chat-item-meta chat-item-dealer">{conversation.dealerName}</span>
                <span class="chat-item-meta">
                  {t(departmentKey[conversation.department])}
                  {vehicle ? <> · {vehicle}</> : null}
                  {ended ? <> · {t("chat.ended")}</> : null}
                </span>
                {last ? <span class="chat-item-last">{last}</span> : null}
                {wait ? (
                  <span class={`chat-item-wait${wait.overdue ? " chat-item-wait-overdue" : ""}`}>
                    {t(wait.overdue ? "chat.waitOverdue" : "chat.wait", { time: formatWaiting(wait.ms) })}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
