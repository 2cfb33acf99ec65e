import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, getSetupStatus, postSetup, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { navigate } from "../router.ts";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { Field, ResultLine } from "../manage/Form.tsx";
import { toFieldErrors, type FieldErrors } from "../manage/fieldErrors.ts";
import { AccountFields, type AccountValues } from "./AccountFields.tsx";
import { browserTimeZone, browserTimeZones } from "./timeZones.ts";

type Failure = "setupDone" | "failed" | undefined;

/** First run: whoever holds the setup code printed at start creates the first Admin, and is signed in. */
export function SetupPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  useDocumentTitle(t("setup.pageTitle"));
  const zones = useMemo(browserTimeZones, []);
  const [needed, setNeeded] = useState<boolean | undefined>(undefined);
  const [code, setCode] = useState("");
  const [email, setEmail] = useState("");
  const [account, setAccount] = useState<AccountValues>(() => ({ firstName: "", lastName: "", password: "", timeZone: browserTimeZone(zones) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure>(undefined);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    getSetupStatus().then(
      (status) => (status.needed ? setNeeded(true) : navigate("/signin", { replace: true })),
      () => setNeeded(true),
    );
  }, []);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const me = await postSetup({ setupCode: code, email, ...account });
      onSignedIn(me);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      if (error.status === 403 && error.code === "setup_code") setErrors({ setupCode: { key: "setup.wrongCode" } });
      else if (error.status === 400) setErrors(toFieldErrors(error));
      else setErrors({});
      setFailure(error.status === 409 ? "setupDone" : error.status === 400 || error.status === 403 ? undefined : "failed");
      setBusy(false);
    }
  };

  if (needed === undefined) return <main id="main" class="centered"><p role="status" class="muted">{t("app.loading")}</p></main>;
  return (
    <main id="main" class="signin">
      <div class="card signin-card access-card">
        <p class="brand brand-large" aria-hidden="true">{t("app.name")}</p>
        <h1 id="page-heading" ref={heading} tabIndex={-1}>{t("setup.title")}</h1>
        <p class="muted">{t("setup.intro")}</p>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          {failure === "setupDone" ? (
            <p role="alert" class="error-box">{t("setup.done")} <a href="/signin">{t("access.goToSignIn")}</a></p>
          ) : null}
          <Field id="setup-code" label={t("setup.code")} required error={errors.setupCode} hint={t("setup.codeHint")}>
            {(describedBy, invalid) => (
              <input id="setup-code" type="text" autoComplete="off" spellcheck={false} required autoFocus value={code}
                onInput={(e) => setCode(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={describedBy} />
            )}
          </Field>
          <Field id="setup-email" label={t("account.email")} required error={errors.email}>
            {(describedBy, invalid) => (
              <input id="setup-email" type="email" autoComplete="email" required maxLength={256} value={email}
                onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={describedBy} />
            )}
          </Field>
          <AccountFields idPrefix="setup" values={account} errors={errors} zones={zones}
            onChange={(change) => setAccount((a) => ({ ...a, ...change }))} />
          <button type="submit" class="button primary wide" aria-disabled={busy}>
            {busy ? <span class="spinner" aria-hidden="true" /> : null}
            {busy ? t("setup.submitting") : t("setup.submit")}
          </button>
          <ResultLine ok={false} text={failure === "failed" ? t("access.failed") : Object.keys(errors).length > 0 ? t("form.checkFields") : undefined} />
        </form>
      </div>
    </main>
  );
}
