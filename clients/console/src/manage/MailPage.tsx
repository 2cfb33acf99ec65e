import { useEffect, useState } from "preact/hooks";
import { ApiError, getMailStatus, sendTestMail, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { Field, ResultLine } from "./Form.tsx";
import { toFieldErrors, type FieldErrors } from "./fieldErrors.ts";

/** Admins: whether a mail server is configured, and a test message to any address. */
export function MailPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const [configured, setConfigured] = useState<boolean | undefined>(undefined);
  const [to, setTo] = useState(me.email);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => void getMailStatus().then((s) => setConfigured(s.configured), () => setResult({ ok: false, text: t("manage.loadFailed") })), []);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await sendTestMail(to.trim());
      setErrors({});
      setResult({ ok: true, text: t("mail.sent", { email: to.trim() }) });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 ? toFieldErrors(error) : {};
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : error.status === 502 ? t("mail.refused", { detail: error.detail ?? "" }) : t("manage.failed") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t("mail.title")}</h2>
      {configured === undefined ? <p role="status" class="muted">{t("app.loading")}</p>
        : <p class={configured ? "notice" : "notice warning"}>{t(configured ? "mail.configured" : "mail.notConfigured")}</p>}
      <form onSubmit={submit} noValidate aria-busy={busy} class="card narrow-form">
        <Field id="mail-to" label={t("mail.to")} required error={errors.to}>
          {(d, invalid) => <input id="mail-to" type="email" required maxLength={256} value={to} onInput={(e) => setTo(e.currentTarget.value)}
            aria-invalid={invalid} aria-describedby={d} />}
        </Field>
        <div class="form-actions compact">
          <button type="submit" class="button primary" aria-disabled={busy || configured === false}>{t("mail.send")}</button>
          <ResultLine ok={result?.ok ?? true} text={result?.text} />
        </div>
      </form>
    </section>
  );
}
