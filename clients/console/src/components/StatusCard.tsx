import { useI18n } from "../i18n/context.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { statusExplanationKey, statusNameKey } from "../presence/presence.ts";
import { StatusDot } from "./StatusDot.tsx";

/** The agent's status, large on the Chat Screen, with one click back to Available. */
export function StatusCard() {
  const { t } = useI18n();
  const { status, choose } = usePresence();
  const shown = status?.status;
  if (!shown) return null;
  return (
    <section class={`status-card status-card-${shown}`} aria-labelledby="status-card-heading">
      <div class="status-card-text">
        <h2 id="status-card-heading">
          <StatusDot status={shown} />
          {t("status.current", { status: t(statusNameKey[shown]) })}
        </h2>
        <p>{t(statusExplanationKey[shown])}</p>
      </div>
      {shown !== "Available" && shown !== "Offline" ? (
        <button type="button" class="button primary" onClick={() => void choose("Available")}>{t("status.setAvailable")}</button>
      ) : null}
    </section>
  );
}
