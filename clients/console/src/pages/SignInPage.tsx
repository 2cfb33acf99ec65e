import { useState } from "preact/hooks";
import { apiFetch, ApiError, type Me, type SignInRequest } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { describeSignInFailure, type Message, type SignInFailure } from "../signInErrors.ts";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import { linkClick } from "../router.ts";

export function SignInPage({ onSignedIn, sessionEnded }: { onSignedIn: (me: Me) => void; sessionEnded: boolean }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SignInFailure>({});
  useDocumentTitle(t("signIn.pageTitle"));
  const say = (message: Message) => t(message.key, message.params);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const request: SignInRequest = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setBusy(true);
    setFailure({});
    try {
      onSignedIn(await apiFetch<Me>("/api/auth/signin", { method: "POST", body: request, allowUnauthorized: true }));
    } catch (e) {
      setFailure(describeSignInFailure(e instanceof ApiError ? e : new ApiError(0, { title: String(e) }), locale));
      setBusy(false);
    }
  };

  return (
    <main id="main" class="signin">
      <div class="card signin-card">
        <p class="brand brand-large" aria-hidden="true">{t("app.name")}</p>
        <h1 id="page-heading">{t("signIn.title")}</h1>
        {sessionEnded && !failure.alert ? <p role="status" class="notice">{t("signIn.sessionEnded")}</p> : null}
        <form onSubmit={submit} noValidate aria-busy={busy}>
          {failure.alert ? <p role="alert" class="error-box">{say(failure.alert)}</p> : null}
          <Field id="signin-email" label={t("signIn.email")} error={failure.email && say(failure.email)}>
            {(describedBy) => (
              <input id="signin-email" name="email" type="email" autoComplete="username" required autoFocus
                aria-invalid={failure.email ? true : undefined} aria-describedby={describedBy} />
            )}
          </Field>
          <Field id="signin-password" label={t("signIn.password")} error={failure.password && say(failure.password)}>
            {(describedBy) => (
              <input id="signin-password" name="password" type="password" autoComplete="current-password" required
                aria-invalid={failure.password ? true : undefined} aria-describedby={describedBy} />
            )}
          </Field>
          <button type="submit" class="button primary wide" aria-disabled={busy}>
            {busy ? <span class="spinner" aria-hidden="true" /> : null}
            {busy ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
        <p class="signin-forgot"><a href="/forgot-password" onClick={linkClick}>{t("signIn.forgot")}</a></p>
      </div>
    </main>
  );
}

function Field({ id, label, error, children }: {
  id: string;
  label: string;
  error: string | undefined;
  children: (describedBy: string | undefined) => preact.ComponentChildren;
}) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(error ? errorId : undefined)}
      {error ? <p id={errorId} class="field-error">{error}</p> : null}
    </div>
  );
}
