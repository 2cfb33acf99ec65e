import { useState } from "preact/hooks";
import { ApiError, requestPasswordReset, resetPassword } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { linkClick } from "../router.ts";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { Field, ResultLine } from "../manage/Form.tsx";
import { toFieldErrors, type FieldErrors } from "../manage/fieldErrors.ts";

/** /reset-password?email=&token=: a new password from a one-time link; every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t("reset.pageTitle"));
  const params = new URLSearchParams(location.search);
  const email = params.get("email") ?? "";
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<"done" | "invalid" | "failed" | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      await resetPassword({ email, token, newPassword: password });
      setErrors({});
      setOutcome("done");
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 && error.code !== "reset_invalid" ? toFieldErrors(error) : {};
      setErrors(fields);
      setOutcome(error.code === "reset_invalid" ? "invalid" : Object.keys(fields).length > 0 ? undefined : "failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="signin">
      <div class="card signin-card access-card">
        <p class="brand brand-large" aria-hidden="true">{t("app.name")}</p>
        <h1 id="page-heading">{t("reset.title")}</h1>
        {outcome === "done" ? (
          <p role="status" class="notice">{t("reset.done")} <a href="/signin" onClick={linkClick}>{t("access.goToSignIn")}</a></p>
        ) : !email || !token || outcome === "invalid" ? (
          <p role="alert" class="error-box">{t("reset.invalid")} <a href="/forgot-password" onClick={linkClick}>{t("reset.askAgain")}</a></p>
        ) : (
          <form onSubmit={submit} noValidate aria-busy={busy}>
            <p class="muted">{t("reset.for", { email })}</p>
            <Field id="reset-password" label={t("reset.newPassword")} required error={errors.newPassword} hint={t("account.passwordHint")}>
              {(describedBy, invalid) => (
                <input id="reset-password" type="password" autoComplete="new-password" required autoFocus value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={describedBy} />
              )}
            </Field>
            <button type="submit" class="button primary wide" aria-disabled={busy}>{t("reset.submit")}</button>
            <ResultLine ok={false} text={outcome === "failed" ? t("access.failed") : undefined} />
          </form>
        )}
      </div>
    </main>
  );
}

/** /forgot-password: asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t("forgot.pageTitle"));
  const [email, setEmail] = useState("");
  const [outcome, setOutcome] = useState<"sent" | "failed" | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await requestPasswordReset(email.trim());
      setOutcome("sent");
    } catch {
      setOutcome("failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="signin">
      <div class="card signin-card access-card">
        <p class="brand brand-large" aria-hidden="true">{t("app.name")}</p>
        <h1 id="page-heading">{t("forgot.title")}</h1>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <Field id="forgot-email" label={t("account.email")} required error={undefined}>
            {(describedBy) => (
              <input id="forgot-email" type="email" autoComplete="username" required autoFocus value={email}
                onInput={(e) => setEmail(e.currentTarget.value)} aria-describedby={describedBy} />
            )}
          </Field>
          <button type="submit" class="button primary wide" aria-disabled={busy}>{t("forgot.submit")}</button>
          <ResultLine ok={outcome !== "failed"} text={outcome === "sent" ? t("forgot.sent") : outcome === "failed" ? t("access.failed") : undefined} />
        </form>
        <p class="access-back"><a href="/signin" onClick={linkClick}>{t("access.backToSignIn")}</a></p>
      </div>
    </main>
  );
}
