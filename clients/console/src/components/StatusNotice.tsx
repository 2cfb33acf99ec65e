import { useI18n } from "../i18n/context.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { causeNoticeKey, statusNameKey } from "../presence/presence.ts";

/**
 * Why the agent's status changed when they did not change it (idle, missed offers, their manager), and a
 * failed change. The live region is always in the DOM so screen readers announce what appears in it.
 */
export function StatusNotice() {
  const { t } = useI18n();
  const { notice, dismissNotice, failed } = usePresence();
  const key = notice && causeNoticeKey(notice.cause);
  return (
    <div class="status-notices">
      <div role="status" aria-live="polite">
        {notice && key ? (
          <div class="status-notice">
            <p>{t(key, { status: t(statusNameKey[notice.status]) })}</p>
            <button type="button" class="link-button" onClick={dismissNotice}>{t("status.notice.dismiss")}</button>
          </div>
        ) : null}
      </div>
      <div role="alert">{failed ? <p class="status-notice status-error">{t("status.error")}</p> : null}</div>
    </div>
  );
}
