import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import { linkClick } from "../router.ts";
import { useNotificationSettings } from "../notifications/NotificationSettingsContext.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { vehicleSummary } from "./chats.ts";
import { departmentKey, shopperName } from "./labels.ts";
import { OfferRinger, type AlertsView } from "./offerAlerts.ts";

let ringer: OfferRinger | undefined;

/** The console's one ringer, made on first use (after sign-in), shared by OffersProvider and the controls. */
export function offerRinger(): OfferRinger {
  ringer ??= new OfferRinger();
  return ringer;
}

/**
 * Sound on or off (the agent's Sound channel, saved for all their clients), "Click to enable sound" when the browser
 * holds audio, and "Enable notifications" (asked only on click) while browser notifications are on.
 */
export function OfferAlertControls() {
  const { t } = useI18n();
  const alerts = offerRinger();
  const { settings, save } = useNotificationSettings();
  const dnd = usePresence().status?.status === "DoNotDisturb";
  const [saveFailed, setSaveFailed] = useState(false);
  const [view, setView] = useState<AlertsView>(alerts.view);
  useEffect(() => {
    setView(alerts.view);
    return alerts.subscribe(() => setView(alerts.view));
  }, []);
  useEffect(() => {
    alerts.setDescribe((offer) => {
      const vehicle = vehicleSummary(offer.vehicle);
      return {
        title: t("alerts.notificationTitle", { name: shopperName(offer, t) }),
        body: [offer.dealerName, t(departmentKey[offer.department]), vehicle].filter(Boolean).join(" · "),
      };
    });
  }, [t]);

  const setSound = (sound: boolean) => {
    setSaveFailed(false);
    // The click is the gesture browsers wait for: unlock the audio now, whatever the server answers.
    if (sound) void alerts.enableSound();
    save({ ...settings, sound }).catch(() => setSaveFailed(true));
  };

  return (
    <div class="offer-alerts">
      <label class="offer-alerts-toggle">
        <input type="checkbox" checked={settings.sound} onChange={(e) => setSound(e.currentTarget.checked)} />
        {t("alerts.sound")}
      </label>
      {saveFailed ? <span class="field-error" role="alert">{t("alerts.soundNotSaved")}</span> : null}
      {dnd ? <span class="hint">{t("alerts.dnd")}</span> : null}
      {view.sound === "blocked" ? (
        <span class="offer-alerts-blocked">
          <span>{t("alerts.blocked")}</span>{" "}
          <button type="button" class="button secondary small" onClick={() => void alerts.enableSound()}>{t("alerts.enableSound")}</button>
        </span>
      ) : null}
      {!settings.desktop ? (
        <span class="hint">
          {t("alerts.notificationsOff")} <a href="/notifications" onClick={linkClick}>{t("menu.notifications")}</a>
        </span>
      ) : view.notifications === "default" ? (
        <button type="button" class="button secondary small" onClick={() => void alerts.askNotifications()}>{t("alerts.enableNotifications")}</button>
      ) : view.notifications === "denied" ? (
        <span class="hint">{t("alerts.notificationsDenied")}</span>
      ) : view.notifications === "granted" ? (
        <span class="hint">{t("alerts.notificationsOn")}</span>
      ) : null}
    </div>
  );
}
