import { useEffect, useState } from "preact/hooks";
import {
  ApiError, defaultWidgetSettings, getWidgetSettings, putWidgetSettings, validColor, widgetColors,
  type FieldRule, type WidgetSettings,
} from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { Field, ResultLine } from "../manage/Form.tsx";
import { toFieldErrors, type FieldErrors } from "../manage/fieldErrors.ts";
import { WidgetPreview } from "./WidgetPreview.tsx";
import "./WidgetSettingsSection.css";

type Contact = "nameField" | "emailField" | "phoneField";
const contacts: readonly { field: Contact; label: "widgetSettings.field.name" | "widgetSettings.field.email" | "widgetSettings.field.phone" }[] = [
  { field: "nameField", label: "widgetSettings.field.name" },
  { field: "emailField", label: "widgetSettings.field.email" },
  { field: "phoneField", label: "widgetSettings.field.phone" },
];
const rules: readonly FieldRule[] = ["Hidden", "Optional", "Required"];
/** The server's limits, for "at most {max} characters". */
const limits: Partial<Record<keyof WidgetSettings, number>> = { greeting: 200, launcherLabel: 40, offlineMessage: 500 };

/**
 * GET/PUT /api/dealers/{id}/settings/widget: the widget's colour, greeting, launcher, start-form fields and
 * offline message, with a preview that draws the unsaved values as they are typed.
 */
export function WidgetSettingsSection({ dealerId, dealerName = "" }: { dealerId: string; dealerName?: string }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<WidgetSettings | "loading" | "failed">("loading");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // A colour being typed is not valid yet: the picker and the preview keep the last good one.
  const [goodColor, setGoodColor] = useState(defaultWidgetSettings.accentColor);

  const show = (s: WidgetSettings) => {
    setSettings(s);
    setGoodColor(validColor(s.accentColor) ?? defaultWidgetSettings.accentColor);
  };
  useEffect(() => {
    setSettings("loading");
    getWidgetSettings(dealerId).then(show, () => setSettings("failed"));
  }, [dealerId]);

  if (settings === "loading") return <p role="status" class="muted">{t("app.loading")}</p>;
  if (settings === "failed") return <p role="alert" class="error-box">{t("manage.loadFailed")}</p>;

  const set = (change: Partial<WidgetSettings>) => {
    setSettings({ ...settings, ...change });
    // An edited field's old error goes: it was about the value that is no longer there.
    if (Object.keys(change).some((field) => field in errors)) {
      setErrors(Object.fromEntries(Object.entries(errors).filter(([field]) => !(field in change))));
    }
    const color = validColor(change.accentColor);
    if (color) setGoodColor(color);
  };
  const text = (field: "accentColor" | "greeting" | "launcherLabel" | "offlineMessage") =>
    (event: Event) => set({ [field]: (event.currentTarget as HTMLInputElement).value });
  const colorValid = validColor(settings.accentColor) !== undefined;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      show(await putWidgetSettings(dealerId, settings));
      setErrors({});
      setResult({ ok: true, text: t("widgetSettings.saved") });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields: Record<string, FieldErrors[string]> = error.status === 400 ? { ...toFieldErrors(error) } : {};
      for (const [field, max] of Object.entries(limits)) {
        if (fields[field]?.key === "form.error.tooLong") fields[field] = { key: "form.error.tooLong", params: { max } };
      }
      if (fields.accentColor?.key === "form.error.invalid") fields.accentColor = { key: "widgetSettings.colorInvalid" };
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : error.status === 403 ? t("manage.notAllowed") : t("manage.failed") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="widget-settings-heading" class="settings-section widget-settings">
      <h2 id="widget-settings-heading">{t("widgetSettings.title")}</h2>
      <p class="muted">{t("widgetSettings.intro")}</p>
      <div class="widget-settings-layout">
        <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="widget-settings-heading">
          <Field id="widget-accent" label={t("widgetSettings.accent")} required error={errors.accentColor} hint={t("widgetSettings.accentHint")}>
            {(d, invalid) => (
              <div class="color-pair">
                <input type="color" value={goodColor} aria-label={t("widgetSettings.accentPicker")}
                  onInput={(e) => set({ accentColor: e.currentTarget.value })} />
                <input id="widget-accent" type="text" value={settings.accentColor} maxLength={7} spellcheck={false} autoComplete="off"
                  onInput={text("accentColor")} aria-invalid={invalid ?? (colorValid ? undefined : true)} aria-describedby={d} />
              </div>
            )}
          </Field>
          <Field id="widget-greeting" label={t("widgetSettings.greeting")} error={errors.greeting} hint={t("widgetSettings.greetingHint")}>
            {(d, invalid) => <textarea id="widget-greeting" rows={2} maxLength={200} value={settings.greeting} onInput={text("greeting")}
              aria-invalid={invalid} aria-describedby={d} />}
          </Field>
          <fieldset class="widget-radios">
            <legend>{t("widgetSettings.position")}</legend>
            {(["Right", "Left"] as const).map((side) => (
              <label key={side} class="check">
                <input type="radio" name="widget-position" value={side} checked={settings.launcherPosition === side}
                  onChange={() => set({ launcherPosition: side })} />
                {t(side === "Right" ? "widgetSettings.right" : "widgetSettings.left")}
              </label>
            ))}
            {errors.launcherPosition ? <p class="field-error">{t("form.error.invalid")}</p> : null}
          </fieldset>
          <Field id="widget-label" label={t("widgetSettings.label")} required error={errors.launcherLabel} hint={t("widgetSettings.labelHint")}>
            {(d, invalid) => <input id="widget-label" type="text" maxLength={40} value={settings.launcherLabel} onInput={text("launcherLabel")}
              aria-invalid={invalid} aria-describedby={d} />}
          </Field>
          <fieldset class="widget-fields" aria-describedby="widget-fields-hint">
            <legend>{t("widgetSettings.fields")}</legend>
            <p id="widget-fields-hint" class="hint">{t("widgetSettings.fieldsHint")}</p>
            <div class="widget-fields-grid">
              {contacts.map(({ field, label }) => (
                <Field key={field} id={`widget-${field}`} label={t(label)} error={errors[field]}>
                  {(d, invalid) => (
                    <select id={`widget-${field}`} value={settings[field]} onChange={(e) => set({ [field]: e.currentTarget.value as FieldRule })}
                      aria-invalid={invalid} aria-describedby={d}>
                      {rules.map((rule) => <option key={rule} value={rule}>{t(`widgetSettings.rule.${rule}`)}</option>)}
                    </select>
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
          <Field id="widget-offline" label={t("widgetSettings.offline")} error={errors.offlineMessage} hint={t("widgetSettings.offlineHint")}>
            {(d, invalid) => <textarea id="widget-offline" rows={3} maxLength={500} value={settings.offlineMessage} onInput={text("offlineMessage")}
              aria-invalid={invalid} aria-describedby={d} />}
          </Field>
          <div class="form-actions">
            <button type="submit" class="button primary" aria-disabled={busy}>{t("widgetSettings.save")}</button>
            <ResultLine ok={result?.ok ?? true} text={result?.text} />
          </div>
        </form>
        <WidgetPreview settings={settings} colors={widgetColors(goodColor)} dealerName={dealerName} />
      </div>
    </section>
  );
}
