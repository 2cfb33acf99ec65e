import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import { StatusCard } from "../components/StatusCard.tsx";
import { TeamPanel } from "../components/TeamPanel.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { useChats } from "../chat/ChatsContext.tsx";
import { ChatList } from "../chat/ChatList.tsx";
import { ConversationPane } from "../chat/ConversationPane.tsx";
import { TransferNoticeLine } from "../chat/TransferDialog.tsx";
import { acceptShortcut, IncomingChats } from "../chat/IncomingChats.tsx";
import { useOffersTitle } from "../chat/OffersContext.tsx";
import { ofDealer } from "../chat/waiting.ts";
import { chatShortcut, replyShortcut } from "../chat/shortcuts.ts";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import { ExtensionBanner } from "../notifications/ExtensionBanner.tsx";
import "../chat/chat.css";
import "../chat/tools.css";

export function ChatScreen({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(useOffersTitle(t("chat.pageTitle")));
  const { me } = usePresence();
  const { list, loadFailed, selectedId, select } = useChats();
  const [dealerId, setDealerId] = useState<string | undefined>(undefined);
  const shown = list ? ofDealer(list, dealerId, (c) => c.conversation.dealerId) : undefined;
  // A chat of a dealer the filter hides is not shown open either.
  const selected = shown?.find((chat) => chat.conversation.id === selectedId);
  useChatShortcuts(shown?.map((c) => c.conversation.id) ?? [], selectedId, select);
  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      {/* Above the heading: after it, the top offer's Accept stays the first stop of the Tab key. */}
      <ExtensionBanner dismissible />
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("chat.title")}</h1>
      <div class="chat-layout">
        <div class="chat-main">
          {/* First in the main area: the top offer's Accept is the first stop of the Tab key. */}
          <IncomingChats dealerId={dealerId} />
          {me.dealers.length > 1 ? (
            <div class="dealer-filter">
              <label for="dealer-filter">{t("chat.dealerFilter")}</label>
              <select id="dealer-filter" value={dealerId ?? ""} onChange={(e) => setDealerId(e.currentTarget.value || undefined)}>
                <option value="">{t("chat.allDealers")}</option>
                {me.dealers.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </div>
          ) : null}
          <StatusCard />
          <TransferNoticeLine />
          {loadFailed ? <p class="error-box" role="alert">{t("chat.loadFailed")}</p> : null}
          {shown && shown.length > 0 ? (
            <div class="chat-workspace">
              <ChatList chats={shown} selectedId={selectedId} onSelect={select} />
              {selected ? <ConversationPane key={selected.conversation.id} chat={selected} /> : null}
            </div>
          ) : (
            <div class="empty-state">
              <p>{list && list.length > 0 ? t("chat.noneForDealer") : t("chat.empty")}</p>
            </div>
          )}
          <p class="hint keyboard-help">
            {t("chat.keys", { accept: acceptShortcut, previous: "Alt+↑", next: "Alt+↓", reply: replyShortcut })}
          </p>
        </div>
        <TeamPanel />
      </div>
    </main>
  );
}

/** Alt+ArrowUp / Alt+ArrowDown open the previous or next chat; Alt+R goes to the reply box. */
function useChatShortcuts(ids: readonly string[], selectedId: string | undefined, select: (id: string) => void) {
  const latest = useRef({ ids, selectedId, select });
  latest.current = { ids, selectedId, select };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = chatShortcut(event);
      if (!action) return;
      event.preventDefault();
      if (action === "reply") {
        document.getElementById("composer-text")?.focus();
        return;
      }
      const { ids, selectedId, select } = latest.current;
      if (ids.length === 0) return;
      const index = selectedId === undefined ? -1 : ids.indexOf(selectedId);
      const next = ids[action === "next" ? (index + 1) % ids.length : (index - 1 + ids.length) % ids.length];
      if (next === undefined) return;
      const inComposer = document.activeElement?.id === "composer-text";
      select(next);
      // The pane is rebuilt for the new chat: focus follows to where the agent was working.
      requestAnimationFrame(() => {
        const target = inComposer
          ? document.getElementById("composer-text")
          : document.querySelector<HTMLElement>(".chat-item[aria-current='true']");
        target?.focus();
      });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
