import { useI18n } from "../i18n/context.tsx";
import { pluralKey } from "../i18n/index.ts";
import { linkClick } from "../router.ts";
import { useInternalChats } from "./InternalChatsContext.tsx";

/** The header's "Team chat" link, with the unread count of every internal thread (Do Not Disturb included). */
export function TeamChatLink({ current }: { current: boolean }) {
  const { t, locale } = useI18n();
  const { totalUnread } = useInternalChats();
  return (
    <a href="/team" onClick={linkClick} aria-current={current ? "page" : undefined}>
      {t("nav.teamChat")}
      {totalUnread > 0 ? " " : null}
      {totalUnread > 0 ? (
        <span class="nav-badge">
          <span aria-hidden="true">{totalUnread}</span>
          <span class="visually-hidden">{t(pluralKey(locale, "internal.unread", totalUnread), { count: totalUnread })}</span>
        </span>
      ) : null}
    </a>
  );
}
