import type { HubState } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";

/**
 * A notice while the live connection is being re-established, saying what still works: replies wait and go out after
 * the reconnection, History and profiles keep working, new offers arrive afterwards. Always in the DOM so it is announced.
 */
export function ConnectionBanner({ state }: { state: HubState }) {
  const { t } = useI18n();
  return (
    <div class="connection-banner" role="status" aria-live="polite">
      {state === "reconnecting" ? (
        <span class="pill">
          <strong>{t("connection.reconnecting")}</strong> {t("connection.stillWorks")}
        </span>
      ) : null}
    </div>
  );
}
