import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/context.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { usePresence } from "../presence/PresenceContext.tsx";
import { linkClick } from "../router.ts";
import { pairExtension, useExtension, type PairOutcome } from "./extension.ts";
import "./notifications.css";

const hiddenKey = "showroom:extension-banner-hidden";

function hiddenThisSession(): boolean {
  try {
    return sessionStorage.getItem(hiddenKey) === "1";
  } catch {
    return false;
  }
}

/**
 * "Chrome Extension Not Installed" with INSTALL EXTENSION, or "Extension Installed" (with "Connect extension" while
 * it is not paired), as the agents' guide shows it. Follows the extension live: installing it needs no reload.
 * On the Chat Screen the agent may hide the "not installed" banner until the browser tab is closed.
 */
export function ExtensionBanner({ dismissible = false }: { dismissible?: boolean }) {
  const { t } = useI18n();
  const extension = useExtension();
  const [hidden, setHidden] = useState(() => dismissible && hiddenThisSession());

  if (!extension.present) {
    if (hidden) return null;
    const hide = () => {
      try {
        sessionStorage.setItem(hiddenKey, "1");
      } catch {
        // Hidden for this page only.
      }
      setHidden(true);
      // The banner's controls are gone: focus goes back to the page's heading rather than to the document.
      document.getElementById("page-heading")?.focus();
    };
    return (
      <section class="extension-banner missing" aria-labelledby="extension-banner-title">
        <div class="extension-banner-text">
          <h2 id="extension-banner-title">{t("extension.notInstalled")}</h2>
          <p>{t("extension.pitch")}</p>
        </div>
        <div class="extension-banner-actions">
          <a class="button primary install-link" href="/extension" onClick={linkClick}>{t("extension.install")}</a>
          {dismissible ? (
            <button type="button" class="link-button" onClick={hide}>{t("extension.hide")}</button>
          ) : null}
        </div>
      </section>
    );
  }
  return (
    <section class="extension-banner installed" aria-labelledby="extension-banner-title">
      <div class="extension-banner-text">
        <h2 id="extension-banner-title"><span class="extension-check" aria-hidden="true" />{t("extension.installed")}</h2>
        {extension.paired === false ? <p>{t("extension.notConnected")}</p> : null}
      </div>
      <ConnectExtension />
    </section>
  );
}

const failures: Record<Exclude<PairOutcome, { ok: true }>["reason"], MessageKey> = {
  tooMany: "extension.tooMany",
  server: "extension.serverFailed",
  timeout: "extension.noAnswer",
  extension: "extension.refused",
};

/**
 * "Connect extension": pairs this browser's extension with the agent, only ever on the agent's click. Shown while
 * the extension says it is not paired; the outcome stays on screen after it is.
 */
export function ConnectExtension() {
  const { t } = useI18n();
  const { me } = usePresence();
  const extension = useExtension();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PairOutcome | undefined>(undefined);
  const status = useRef<HTMLParagraphElement>(null);
  // Paired, the button goes: the focus it had moves to the line that says so rather than to the document.
  useEffect(() => {
    if (outcome?.ok && (document.activeElement === null || document.activeElement === document.body)) status.current?.focus();
  }, [outcome, extension.paired]);

  const connect = async () => {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await pairExtension(me.id));
    } finally {
      setBusy(false);
    }
  };

  const failed = outcome && !outcome.ok ? outcome : undefined;
  const showButton = extension.present && (extension.paired === false || failed !== undefined);
  return (
    <div class="connect-extension">
      {showButton ? (
        <button type="button" class="button primary" aria-disabled={busy} onClick={() => void connect()}>
          {busy ? <span class="spinner" aria-hidden="true" /> : null}
          {busy ? t("extension.connecting") : t("extension.connect")}
        </button>
      ) : null}
      <p ref={status} tabIndex={-1} role="status" class="success">{outcome?.ok ? t("extension.connected") : null}</p>
      {failed ? (
        <p role="alert" class="field-error">
          {failed.reason === "extension" && failed.error
            ? t("extension.refusedBecause", { error: failed.error })
            : t(failures[failed.reason])}
        </p>
      ) : null}
    </div>
  );
}
