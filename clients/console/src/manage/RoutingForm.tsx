import { useEffect, useState } from "preact/hooks";
import {
  ApiError, getPresenceSettings, getRouting, putPresenceSettings, putRouting,
  type DealerDto, type DepartmentRoutingDto, type RoutingPolicy, type RoutingSettingsDto,
} from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { Field, ResultLine } from "./Form.tsx";
import { errorsUnder, toFieldErrors, type FieldErrors } from "./fieldErrors.ts";

type Result = { ok: boolean; text: string } | undefined;

const numbers: readonly { field: "offerTimeoutSeconds" | "escalateAfterSeconds" | "missedChatLimitSeconds"; label: MessageKey; hint: MessageKey }[] = [
  { field: "offerTimeoutSeconds", label: "routing.offerTimeout", hint: "routing.offerTimeoutHint" },
  { field: "escalateAfterSeconds", label: "routing.escalateAfter", hint: "routing.escalateAfterHint" },
  { field: "missedChatLimitSeconds", label: "routing.missedChatLimit", hint: "routing.missedChatLimitHint" },
];

const steps: readonly { field: "escalateToOtherDepartments" | "escalateToManagers" | "escalateToGroupDealers"; label: MessageKey }[] = [
  { field: "escalateToOtherDepartments", label: "routing.toOtherDepartments" },
  { field: "escalateToManagers", label: "routing.toManagers" },
  { field: "escalateToGroupDealers", label: "routing.toGroupDealers" },
];

/** Numbers as typed: a blank or a non-number is sent as NaN's stand-in -1 so the server names the field. */
const toNumber = (text: string) => (text.trim() === "" || !Number.isFinite(Number(text)) ? -1 : Number(text));

/** GET/PUT /api/dealers/{id}/settings/routing: the dealer's chat limit and stickiness, each department's policy. */
export function RoutingForm({ dealer, canEdit }: { dealer: DealerDto; canEdit: boolean }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<RoutingSettingsDto | "loading" | "failed">("loading");
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  const [busy, setBusy] = useState(false);

  const show = (s: RoutingSettingsDto) => {
    setSettings(s);
    const next: Record<string, string> = { defaultChatLimit: String(s.defaultChatLimit), missedOffersBeforeAway: String(s.missedOffersBeforeAway) };
    s.departments.forEach((d, i) => numbers.forEach((n) => (next[`departments[${i}].${n.field}`] = String(d[n.field]))));
    setTexts(next);
  };
  useEffect(() => {
    setSettings("loading");
    getRouting(dealer.id).then(show, () => setSettings("failed"));
  }, [dealer.id, dealer.departments.length]);

  if (settings === "loading") return <p role="status" class="muted">{t("app.loading")}</p>;
  if (settings === "failed") return <p role="alert" class="error-box">{t("manage.loadFailed")}</p>;

  const setDepartment = (i: number, change: Partial<DepartmentRoutingDto>) =>
    setSettings({ ...settings, departments: settings.departments.map((d, j) => (j === i ? { ...d, ...change } : d)) });
  const text = (path: string) => (event: Event) => setTexts({ ...texts, [path]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const body: RoutingSettingsDto = {
      defaultChatLimit: toNumber(texts.defaultChatLimit ?? ""),
      stickyReturningShoppers: settings.stickyReturningShoppers,
      missedOffersBeforeAway: toNumber(texts.missedOffersBeforeAway ?? ""),
      departments: settings.departments.map((d, i) => ({
        ...d,
        offerTimeoutSeconds: toNumber(texts[`departments[${i}].offerTimeoutSeconds`] ?? ""),
        escalateAfterSeconds: toNumber(texts[`departments[${i}].escalateAfterSeconds`] ?? ""),
        missedChatLimitSeconds: toNumber(texts[`departments[${i}].missedChatLimitSeconds`] ?? ""),
      })),
    };
    try {
      show(await putRouting(dealer.id, body));
      setErrors({});
      setResult({ ok: true, text: t("routing.saved") });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 ? toFieldErrors(error) : {};
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : error.status === 403 ? t("manage.notAllowed") : t("manage.failed") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="routing-heading" class="routing-form">
      <h2 id="routing-heading">{t("routing.title")}</h2>
      <fieldset class="plain-fieldset" disabled={!canEdit}>
        <div class="field-row">
          <Field id="routing-chatLimit" label={t("routing.defaultChatLimit")} required error={errors.defaultChatLimit} hint={t("routing.defaultChatLimitHint")}>
            {(d, invalid) => <input id="routing-chatLimit" type="number" min={1} max={50} inputMode="numeric" value={texts.defaultChatLimit}
              onInput={text("defaultChatLimit")} aria-invalid={invalid} aria-describedby={d} />}
          </Field>
          <Field id="routing-missedOffers" label={t("routing.missedOffersBeforeAway")} required error={errors.missedOffersBeforeAway}
            hint={t("routing.missedOffersBeforeAwayHint")}>
            {(d, invalid) => <input id="routing-missedOffers" type="number" min={0} max={20} inputMode="numeric" value={texts.missedOffersBeforeAway}
              onInput={text("missedOffersBeforeAway")} aria-invalid={invalid} aria-describedby={d} />}
          </Field>
          <div class="field check-field">
            <label class="check">
              <input type="checkbox" checked={settings.stickyReturningShoppers}
                onChange={(e) => setSettings({ ...settings, stickyReturningShoppers: e.currentTarget.checked })} aria-describedby="routing-sticky-hint" />
              {t("routing.sticky")}
            </label>
            <p id="routing-sticky-hint" class="hint">{t("routing.stickyHint")}</p>
          </div>
        </div>
        {settings.departments.map((d, i) => {
          const at = `departments[${i}]`;
          const own = errorsUnder(errors, at);
          const id = `routing-${d.department}`;
          return (
            <fieldset key={d.department} class="routing-department">
              <legend>{t(`kind.${d.department}`)}</legend>
              <div class="routing-grid">
                <Field id={`${id}-policy`} label={t("routing.policy")} error={own.policy}>
                  {(desc, invalid) => (
                    <select id={`${id}-policy`} value={d.policy} onChange={(e) => setDepartment(i, { policy: e.currentTarget.value as RoutingPolicy })}
                      aria-invalid={invalid} aria-describedby={desc}>
                      <option value="Broadcast">{t("routing.broadcast")}</option>
                      <option value="Sequential">{t("routing.sequential")}</option>
                    </select>
                  )}
                </Field>
                {numbers.map((n) => (
                  <Field key={n.field} id={`${id}-${n.field}`} label={t(n.label)} error={own[n.field]} hint={t(n.hint)}>
                    {(desc, invalid) => <input id={`${id}-${n.field}`} type="number" inputMode="numeric" value={texts[`${at}.${n.field}`]}
                      onInput={text(`${at}.${n.field}`)} aria-invalid={invalid} aria-describedby={desc} />}
                  </Field>
                ))}
              </div>
              <fieldset class="checks">
                <legend>{t("routing.escalation")}</legend>
                {steps.map((s) => (
                  <label key={s.field} class="check">
                    <input type="checkbox" checked={d[s.field]} onChange={(e) => setDepartment(i, { [s.field]: e.currentTarget.checked })} />
                    {t(s.label)}
                  </label>
                ))}
              </fieldset>
            </fieldset>
          );
        })}
        {settings.departments.length === 0 ? <p class="muted">{t("routing.noDepartments")}</p> : null}
      </fieldset>
      {canEdit ? (
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy}>{t("routing.save")}</button>
          <ResultLine ok={result?.ok ?? true} text={result?.text} />
        </div>
      ) : null}
    </form>
  );
}

/** Idle auto-away: after N minutes without activity an Available agent is set Away; off when unchecked. */
export function PresenceForm({ dealer, canEdit }: { dealer: DealerDto; canEdit: boolean }) {
  const { t } = useI18n();
  const [on, setOn] = useState(false);
  const [minutes, setMinutes] = useState("15");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  useEffect(() => {
    getPresenceSettings(dealer.id).then((s) => {
      setOn(s.idleAwayMinutes !== null);
      if (s.idleAwayMinutes !== null) setMinutes(String(s.idleAwayMinutes));
    }, () => setResult({ ok: false, text: t("manage.loadFailed") }));
  }, [dealer.id]);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      await putPresenceSettings(dealer.id, on ? toNumber(minutes) : null);
      setErrors({});
      setResult({ ok: true, text: t("presence.saved") });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 ? toFieldErrors(error) : {};
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : t("manage.failed") });
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="presence-heading" class="presence-form">
      <h2 id="presence-heading">{t("presence.title")}</h2>
      <fieldset class="plain-fieldset" disabled={!canEdit}>
        <label class="check">
          <input type="checkbox" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} />
          {t("presence.on")}
        </label>
        <Field id="presence-minutes" label={t("presence.minutes")} error={errors.idleAwayMinutes} hint={t("presence.minutesHint")}>
          {(d, invalid) => <input id="presence-minutes" type="number" min={1} max={480} inputMode="numeric" value={minutes} disabled={!on}
            onInput={(e) => setMinutes(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
        </Field>
      </fieldset>
      {canEdit ? (
        <div class="form-actions">
          <button type="submit" class="button primary">{t("presence.save")}</button>
          <ResultLine ok={result?.ok ?? true} text={result?.text} />
        </div>
      ) : null}
    </form>
  );
}
