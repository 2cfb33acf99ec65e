import type { Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { TeamChatLink } from "../internal/TeamChatLink.tsx";
import { linkClick, navigate, usePath } from "../router.ts";
import { StatusMenu } from "./StatusMenu.tsx";
import { UserMenu } from "./UserMenu.tsx";

export function Header({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const { t } = useI18n();
  const path = usePath();
  return (
    <header class="topbar">
      <a class="skip-link" href="#page-heading">{t("app.skipToContent")}</a>
      <a class="brand" href="/" onClick={linkClick}>{t("app.name")}</a>
      <nav aria-label={t("nav.label")} class="topnav">
        <a href="/" onClick={linkClick} aria-current={path === "/" ? "page" : undefined}>{t("nav.chatScreen")}</a>
        <a href="/history" onClick={linkClick} aria-current={path.startsWith("/history") ? "page" : undefined}>{t("nav.history")}</a>
        <TeamChatLink current={path === "/team"} />
      </nav>
      <StatusMenu />
      <UserMenu
        name={me.displayName}
        headshotUrl={me.headshotUrl}
        items={[
          { label: t("menu.editProfile"), onSelect: () => navigate("/profile") },
          { label: t("menu.notifications"), onSelect: () => navigate("/notifications") },
          ...(me.role === "Manager" || me.role === "Admin" ? [{ label: t("menu.manage"), onSelect: () => navigate("/manage/people") }] : []),
          { label: t("menu.signOut"), onSelect: onSignOut },
        ]}
      />
    </header>
  );
}
