import type { HubState } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";

/** A quiet notice while the live connection is being re-established; always in the DOM so it is announced. */
export function ConnectionBanner({ state }: { state: HubState }) {
  const { t } = useI18n();
  return (
    <div class="connection-banner" role="status" aria-live="polite">
      {state === "reconnecting" ? <span class="pill">{t("connection.reconnecting")}</span> : null}
    </div>
  );
}
