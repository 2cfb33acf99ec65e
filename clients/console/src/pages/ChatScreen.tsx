import type { Ref } from "preact";
import { useI18n } from "../i18n/context.tsx";
import { StatusCard } from "../components/StatusCard.tsx";
import { TeamPanel } from "../components/TeamPanel.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";

export function ChatScreen({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(t("chat.pageTitle"));
  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("chat.title")}</h1>
      <div class="chat-layout">
        <div class="chat-main">
          <StatusCard />
          <div class="empty-state">
            <p>{t("chat.empty")}</p>
          </div>
        </div>
        <TeamPanel />
      </div>
    </main>
  );
}
