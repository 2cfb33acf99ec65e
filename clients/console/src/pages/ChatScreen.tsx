import type { Ref } from "preact";
import { useI18n } from "../i18n/context.tsx";
import { StatusCard } from "../components/StatusCard.tsx";
import { TeamPanel } from "../components/TeamPanel.tsx";
import { useChats } from "../chat/ChatsContext.tsx";
import { ChatList } from "../chat/ChatList.tsx";
import { ConversationPane } from "../chat/ConversationPane.tsx";
import { IncomingChats } from "../chat/IncomingChats.tsx";
import { useOffersTitle } from "../chat/OffersContext.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import "../chat/chat.css";

export function ChatScreen({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(useOffersTitle(t("chat.pageTitle")));
  const { list, loadFailed, selectedId, select } = useChats();
  const selected = list?.find((chat) => chat.conversation.id === selectedId);
  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("chat.title")}</h1>
      <div class="chat-layout">
        <div class="chat-main">
          {/* First in the main area: the top offer's Accept is the first stop of the Tab key. */}
          <IncomingChats />
          <StatusCard />
          {loadFailed ? <p class="error-box" role="alert">{t("chat.loadFailed")}</p> : null}
          {list && list.length > 0 ? (
            <div class="chat-workspace">
              <ChatList chats={list} selectedId={selectedId} onSelect={select} />
              {selected ? <ConversationPane key={selected.conversation.id} chat={selected} /> : null}
            </div>
          ) : (
            <div class="empty-state">
              <p>{t("chat.empty")}</p>
            </div>
          )}
        </div>
        <TeamPanel />
      </div>
    </main>
  );
}
