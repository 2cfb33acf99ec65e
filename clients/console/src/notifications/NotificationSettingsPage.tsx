import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { getDevices, revokeDevice, type ExtensionDeviceDto, type NotificationSettingsDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDate, formatDateTime } from "../i18n/format.ts";
import type { MessageKey } from "../i18n/index.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import { linkClick } from "../router.ts";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { useOffersTitle } from "../chat/OffersContext.tsx";
import { offerRinger } from "../chat/OfferAlertControls.tsx";
import { useNotificationSettings } from "./NotificationSettingsContext.tsx";
import { forgetRevokedDevice, pairedDeviceId } from "./extension.ts";
import { currentSubscription, pushSupported, turnOffPush, turnOnPush, type PushOutcome } from "./push.ts";
import "./notifications.css";

/** The agent's notification channels, Web Push in this browser, and their paired extensions. */
export function NotificationSettingsPage({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(useOffersTitle(t("notifications.pageTitle")));
  return (
    <main id="main" class="page narrow-page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("notifications.title")}</h1>
      <Channels />
      <PushInThisBrowser />
      <PairedExtensions />
    </main>
  );
}

const channels: readonly { key: keyof NotificationSettingsDto; label: MessageKey; hint: MessageKey }[] = [
  { key: "sound", label: "notifications.sound", hint: "notifications.soundHint" },
  { key: "desktop", label: "notifications.desktop", hint: "notifications.desktopHint" },
  { key: "extension", label: "notifications.extension", hint: "notifications.extensionHint" },
  { key: "push", label: "notifications.push", hint: "notifications.pushHint" },
];

function Channels() {
  const { t } = useI18n();
  const { settings, loaded, save } = useNotificationSettings();
  const dnd = usePresence().status?.status === "DoNotDisturb";
  const [outcome, setOutcome] = useState<"saved" | "failed" | undefined>(undefined);
  const [permission, setPermission] = useState(() => (typeof Notification === "function" ? Notification.permission : "unsupported"));

  const change = (key: keyof NotificationSettingsDto, on: boolean) => {
    setOutcome(undefined);
    // Turning the ring on is a click: the gesture browsers wait for before they play sound.
    if (key === "sound" && on) void offerRinger().enableSound();
    save({ ...settings, [key]: on }).then(() => setOutcome("saved"), () => setOutcome("failed"));
  };

  const askPermission = async () => {
    await offerRinger().askNotifications();
    setPermission(Notification.permission);
  };

  return (
    <section class="card settings-card" aria-labelledby="channels-heading" aria-busy={!loaded}>
      <h2 id="channels-heading">{t("notifications.channels")}</h2>
      <p>{t("notifications.channelsIntro")} <strong>{t("notifications.dndSilences")}</strong></p>
      {dnd ? <p class="notice">{t("notifications.dndNow")}</p> : null}
      <ul class="channel-list">
        {channels.map((channel) => (
          <li key={channel.key}>
            <input id={`channel-${channel.key}`} type="checkbox" checked={settings[channel.key]}
              aria-describedby={`channel-${channel.key}-hint`}
              onChange={(e) => change(channel.key, e.currentTarget.checked)} />
            <div>
              <label for={`channel-${channel.key}`}>{t(channel.label)}</label>
              <p id={`channel-${channel.key}-hint`} class="hint">{t(channel.hint)}</p>
              {channel.key === "desktop" && settings.desktop ? (
                permission === "default" ? (
                  <button type="button" class="button secondary small" onClick={() => void askPermission()}>
                    {t("alerts.enableNotifications")}
                  </button>
                ) : permission === "denied" ? <p class="hint">{t("alerts.notificationsDenied")}</p> : null
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <p role="status" class="success">{outcome === "saved" ? t("notifications.saved") : null}</p>
      {outcome === "failed" ? <p role="alert" class="field-error">{t("notifications.saveFailed")}</p> : null}
    </section>
  );
}

type PushView = "checking" | "unsupported" | "off" | "on" | "busy";
type PushMessage = PushOutcome | "off" | "offUntold";

const pushMessages: Record<Exclude<PushMessage, "on" | "off">, MessageKey> = {
  unsupported: "push.unsupported",
  denied: "push.denied",
  unreachable: "push.unreachable",
  refused: "push.refused",
  failed: "push.failed",
  offUntold: "push.offUntold",
};

function PushInThisBrowser() {
  const { t } = useI18n();
  const { settings } = useNotificationSettings();
  const [view, setView] = useState<PushView>("checking");
  const [message, setMessage] = useState<PushMessage | undefined>(undefined);

  useEffect(() => {
    if (!pushSupported()) {
      setView("unsupported");
      return;
    }
    let current = true;
    currentSubscription().then((s) => current && setView(s ? "on" : "off"), () => current && setView("off"));
    return () => {
      current = false;
    };
  }, []);

  const turnOn = async () => {
    setView("busy");
    setMessage(undefined);
    const outcome = await turnOnPush();
    setMessage(outcome);
    setView(outcome === "on" ? "on" : outcome === "unsupported" ? "unsupported" : "off");
  };

  const turnOff = async () => {
    setView("busy");
    setMessage(undefined);
    setMessage((await turnOffPush()) ? "off" : "offUntold");
    setView("off");
  };

  const error = message !== undefined && message !== "on" && message !== "off" ? message : view === "unsupported" ? "unsupported" : undefined;
  return (
    <section class="card settings-card" aria-labelledby="push-heading">
      <h2 id="push-heading">{t("push.title")}</h2>
      <p>{t("push.intro")}</p>
      {!settings.push ? <p class="notice">{t("push.channelOff")}</p> : null}
      {view === "off" || view === "busy" ? (
        <button type="button" class="button primary" aria-disabled={view === "busy"} onClick={() => view === "off" && void turnOn()}>
          {view === "busy" ? <span class="spinner" aria-hidden="true" /> : null}
          {t("push.turnOn")}
        </button>
      ) : view === "on" ? (
        <button type="button" class="button secondary" onClick={() => void turnOff()}>{t("push.turnOff")}</button>
      ) : null}
      <p role="status" class={error ? "hint" : "success"}>
        {view === "busy" ? t("push.working")
          : view === "on" ? t("push.on")
          : message === "off" ? t("push.off")
          : null}
      </p>
      {error ? <p role="alert" class="field-error">{t(pushMessages[error])}</p> : null}
    </section>
  );
}

function PairedExtensions() {
  const { t, locale } = useI18n();
  const { me } = usePresence();
  const [devices, setDevices] = useState<ExtensionDeviceDto[] | "loading" | "failed">("loading");
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ revoked: string } | "failed" | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const thisBrowser = pairedDeviceId(me.id)?.toLowerCase();

  const load = () => {
    setDevices("loading");
    getDevices().then(setDevices, () => setDevices("failed"));
  };
  useEffect(load, []);
  useEffect(() => confirmButton.current?.focus(), [confirming]);

  const cancel = (id: string) => {
    setConfirming(undefined);
    requestAnimationFrame(() => document.getElementById(`revoke-${id}`)?.focus());
  };

  const revoke = async (device: ExtensionDeviceDto) => {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      await revokeDevice(device.id);
      forgetRevokedDevice(me.id, device.id);
      setDevices((all) => (Array.isArray(all) ? all.filter((d) => d.id !== device.id) : all));
      setConfirming(undefined);
      setOutcome({ revoked: device.name });
      // Its row is gone: focus goes to the list's heading, and the status line says what happened.
      heading.current?.focus();
    } catch {
      setOutcome("failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card settings-card" aria-labelledby="devices-heading">
      <h2 id="devices-heading" ref={heading} tabIndex={-1}>{t("devices.title")}</h2>
      <p>{t("devices.intro")}</p>
      {devices === "loading" ? <p role="status" class="muted">{t("devices.loading")}</p>
        : devices === "failed" ? (
          <div role="alert" class="error-box">
            <p>{t("devices.loadFailed")}</p>
            <button type="button" class="button secondary small" onClick={load}>{t("app.retry")}</button>
          </div>
        ) : devices.length === 0 ? (
          <p class="muted">
            {t("devices.none")} <a href="/extension" onClick={linkClick}>{t("extension.title")}</a>
          </p>
        ) : (
          <ul class="device-list">
            {devices.map((device) => (
              <li key={device.id}>
                <div class="device-text">
                  <p class="device-name">
                    {device.name}
                    {device.id.toLowerCase() === thisBrowser ? <span class="device-this"> {t("devices.thisBrowser")}</span> : null}
                  </p>
                  <p class="hint">
                    {t("devices.paired", { date: formatDate(device.createdAt, locale, me.timeZone) })}
                    {" · "}
                    {device.lastSeenAt
                      ? t("devices.lastSeen", { time: formatDateTime(device.lastSeenAt, locale, me.timeZone) })
                      : t("devices.neverSeen")}
                  </p>
                </div>
                {confirming === device.id ? (
                  <div class="device-confirm" role="group" aria-labelledby={`confirm-${device.id}`}>
                    <p id={`confirm-${device.id}`}>{t("devices.confirm", { name: device.name })}</p>
                    <button ref={confirmButton} type="button" class="button danger" aria-disabled={busy}
                      onClick={() => void revoke(device)}>{t("devices.confirmRevoke")}</button>
                    <button type="button" class="button secondary" onClick={() => cancel(device.id)}>{t("devices.cancel")}</button>
                  </div>
                ) : (
                  <button id={`revoke-${device.id}`} type="button" class="button secondary" aria-label={t("devices.revokeNamed", { name: device.name })}
                    onClick={() => setConfirming(device.id)}>{t("devices.revoke")}</button>
                )}
              </li>
            ))}
          </ul>
        )}
      <p role="status" class="success">{outcome && outcome !== "failed" ? t("devices.revoked", { name: outcome.revoked }) : null}</p>
      {outcome === "failed" ? <p role="alert" class="field-error">{t("devices.revokeFailed")}</p> : null}
    </section>
  );
}
