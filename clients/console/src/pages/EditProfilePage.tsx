import type { Ref } from "preact";
import { useI18n } from "../i18n/context.tsx";
import { linkClick } from "../router.ts";
import { useDocumentTitle } from "./useDocumentTitle.ts";

/** Placeholder: the profile form comes with its own issue. */
export function EditProfilePage({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(t("profile.pageTitle"));
  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("profile.title")}</h1>
      <div class="empty-state">
        <p>{t("profile.comingSoon")}</p>
        <p><a href="/" onClick={linkClick}>{t("profile.back")}</a></p>
      </div>
    </main>
  );
}
