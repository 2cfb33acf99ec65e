import type { FieldRule, WidgetColors, WidgetSettings } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";

/**
 * A still drawing of the widget with the settings as they are typed (not the real widget): the launcher on
 * its side with its label, the start form, and the offline message over the leave-a-message form. The same
 * colours as the widget (widgetColors), drawn with the same rules for the text on them. Everything is text.
 */
export function WidgetPreview({ settings, colors, dealerName }: { settings: WidgetSettings; colors: WidgetColors; dealerName: string }) {
  const { t } = useI18n();
  // Custom properties as a style string (the colours are checked #rrggbb, so nothing else can get in).
  const style = Object.entries(colors).map(([property, value]) => `${property}:${value}`).join(";");
  const label = settings.launcherLabel.trim() || t("widgetSettings.preview.defaultLabel");
  const field = (rule: FieldRule, name: string) =>
    rule === "Hidden" ? null : (
      <div class="wp-field" key={name}>
        <span class="wp-label">{rule === "Required" ? name : t("widgetSettings.preview.optional", { field: name })}</span>
        <span class="wp-input" />
      </div>
    );
  return (
    <section class="widget-preview" aria-labelledby="widget-preview-heading" style={style}>
      <h3 id="widget-preview-heading">{t("widgetSettings.preview")}</h3>
      <p class="hint">{t("widgetSettings.previewHint")}</p>
      <div class={`wp-page ${settings.launcherPosition === "Left" ? "wp-left" : "wp-right"}`} data-position={settings.launcherPosition}>
        <div class="wp-panel" aria-label={t("widgetSettings.preview.startForm")} role="group">
          <div class="wp-head">{dealerName || t("widgetSettings.preview.dealer")}</div>
          <div class="wp-body">
            <p class={settings.greeting.trim() ? "wp-greeting" : "wp-note"}>{settings.greeting.trim() || t("widgetSettings.preview.intro")}</p>
            {field(settings.nameField, t("widgetSettings.field.name"))}
            {field(settings.emailField, t("widgetSettings.field.email"))}
            {field(settings.phoneField, t("widgetSettings.field.phone"))}
            <span class="wp-button">{t("widgetSettings.preview.start")}</span>
          </div>
        </div>
        <div class="wp-launcher" role="img" aria-label={t("widgetSettings.preview.launcher", { label })}>
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" /></svg>
          <span aria-hidden="true">{label}</span>
        </div>
      </div>
      <h4>{t("widgetSettings.preview.offlineTitle")}</h4>
      <div class="wp-panel wp-offline" role="group" aria-label={t("widgetSettings.preview.offlineTitle")}>
        <div class="wp-head">{dealerName || t("widgetSettings.preview.dealer")}</div>
        <div class="wp-body">
          <p class="wp-notice">{t("widgetSettings.preview.nobody")}</p>
          {settings.offlineMessage.trim() ? <p class="wp-offline-message">{settings.offlineMessage.trim()}</p> : null}
          <div class="wp-field"><span class="wp-label">{t("widgetSettings.field.name")}</span><span class="wp-input" /></div>
          <div class="wp-field"><span class="wp-label">{t("widgetSettings.preview.message")}</span><span class="wp-input wp-tall" /></div>
          <span class="wp-button">{t("widgetSettings.preview.send")}</span>
        </div>
      </div>
    </section>
  );
}
