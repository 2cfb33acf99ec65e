import type { Ref } from "preact";
import { useI18n } from "../i18n/context.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";

export function ChatScreen({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(t("chat.pageTitle"));
  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("chat.title")}</h1>
      <div class="empty-state">
        <p>{t("chat.empty")}</p>
      </div>
    </main>
  );
}
