import type { Ref } from "preact";
import { useEffect, useState } from "preact/hooks";
import { getExtensionInfo, type ExtensionInfoDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { useOffersTitle } from "../chat/OffersContext.tsx";
import { ConnectExtension } from "./ExtensionBanner.tsx";
import { useExtension } from "./extension.ts";
import "./notifications.css";

const fallbackDownload = "/api/extension/download";

/** Where INSTALL EXTENSION leads: the download built for this server, how to load it in Chrome, and pairing. */
export function ExtensionPage({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useI18n();
  useDocumentTitle(useOffersTitle(t("extension.pageTitle")));
  const extension = useExtension();
  const [info, setInfo] = useState<ExtensionInfoDto | "failed" | undefined>(undefined);

  useEffect(() => {
    let current = true;
    getExtensionInfo().then((read) => current && setInfo(read), () => current && setInfo("failed"));
    return () => {
      current = false;
    };
  }, []);

  const known = typeof info === "object" ? info : undefined;
  return (
    <main id="main" class="page narrow-page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("extension.title")}</h1>
      <p class="lead">{t("extension.recommended")}</p>
      <p>{t("extension.popups")}</p>

      <section class="card settings-card" aria-labelledby="extension-state-heading">
        <h2 id="extension-state-heading">
          {extension.present ? t("extension.installed") : t("extension.notInstalled")}
        </h2>
        <p class="muted">
          {!extension.present ? t("extension.waiting")
            : extension.paired === true ? t("extension.alreadyConnected")
            : extension.paired === false ? t("extension.connectHint")
            : null}
        </p>
        <ConnectExtension />
      </section>

      <section class="card settings-card" aria-labelledby="install-heading">
        <h2 id="install-heading">{t("extension.stepsTitle")}</h2>
        <ol class="install-steps">
          <li>
            {t("extension.stepDownload")}{" "}
            <a href={known?.downloadUrl ?? fallbackDownload} download>
              {known ? t("extension.downloadVersion", { version: known.version }) : t("extension.download")}
            </a>
          </li>
          <li>{t("extension.stepUnzip")}</li>
          <li>{t("extension.stepOpen")} <code>chrome://extensions</code></li>
          <li>{t("extension.stepDeveloperMode")}</li>
          <li>{t("extension.stepLoadUnpacked")}</li>
          <li>{t("extension.stepConnect")}</li>
        </ol>
        {info === "failed" ? <p role="alert" class="field-error">{t("extension.infoFailed")}</p> : null}
      </section>

      <section class="card settings-card" aria-labelledby="managed-heading">
        <h2 id="managed-heading">{t("extension.itTitle")}</h2>
        <p>{t("extension.itServer")}</p>
        {known ? (
          <dl class="extension-facts">
            <dt>{t("extension.itId")}</dt>
            <dd><code>{known.id}</code></dd>
            <dt>{t("extension.itVersion")}</dt>
            <dd>{known.version}</dd>
          </dl>
        ) : null}
        <p>{t("extension.itFixedId")}</p>
        <p>{t("extension.itAllowlist")}</p>
        <p>{t("extension.itDeploy")}</p>
      </section>
    </main>
  );
}
