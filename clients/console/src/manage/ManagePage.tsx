import type { Ref } from "preact";
import type { Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { useOffersTitle } from "../chat/OffersContext.tsx";
import { AuditPage } from "./AuditPage.tsx";
import { CannedPage } from "./CannedPage.tsx";
import { DealerSettingsPage } from "./DealerSettingsPage.tsx";
import { DealersPage } from "./DealersPage.tsx";
import { MailPage } from "./MailPage.tsx";
import { ManageLayout, manageSections } from "./ManageLayout.tsx";
import { PeoplePage } from "./PeoplePage.tsx";

/** The Manage section for Managers and Admins: one frame, the sub-page for the path. */
export function ManagePage({ me, path: requested, headingRef }: { me: Me; path: string; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  const path = requested === "/manage" ? "/manage/people" : requested;
  const section = manageSections.find((s) => s.path === path) ?? manageSections[0]!;
  const title = useOffersTitle(`${t(section.label)} – ${t("app.name")}`);
  return (
    <ManageLayout me={me} path={path} headingRef={headingRef} title={t(section.label)} documentTitle={title}>
      {(dealer, dealers, reload) =>
        path === "/manage/people" && dealer ? <PeoplePage me={me} dealer={dealer} dealers={dealers} />
          : path === "/manage/dealer" && dealer ? <DealerSettingsPage me={me} dealer={dealer} onDealersChanged={reload} />
          : path === "/manage/dealers" ? <DealersPage dealers={dealers} onDealersChanged={reload} />
          : path === "/manage/canned" && dealer ? <CannedPage dealer={dealer} />
          : path === "/manage/audit" ? <AuditPage me={me} dealers={dealers} />
          : path === "/manage/mail" ? <MailPage me={me} />
          : null}
    </ManageLayout>
  );
}
