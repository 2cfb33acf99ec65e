import { useEffect, useMemo, useState } from "preact/hooks";
import { acceptInvitation, ApiError, getInvitation, type InvitationPreview, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { useDocumentTitle } from "../pages/useDocumentTitle.ts";
import { ResultLine } from "../manage/Form.tsx";
import { toFieldErrors, type FieldErrors } from "../manage/fieldErrors.ts";
import { AccountFields, type AccountValues } from "./AccountFields.tsx";
import { browserTimeZone, browserTimeZones } from "./timeZones.ts";

type Load = "loading" | "invalid" | "failed" | InvitationPreview;

/** /invite/{token}: the invited agent sets their name, password and time zone, and is signed in. */
export function InvitePage({ token, onSignedIn }: { token: string; onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  useDocumentTitle(t("invite.pageTitle"));
  const zones = useMemo(browserTimeZones, []);
  const [load, setLoad] = useState<Load>("loading");
  const [account, setAccount] = useState<AccountValues>(() => ({ firstName: "", lastName: "", password: "", timeZone: browserTimeZone(zones) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<"invalid" | "taken" | "failed" | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getInvitation(token).then(
      (preview) => {
        setLoad(preview);
        setAccount((a) => ({ ...a, firstName: preview.firstName ?? "", lastName: preview.lastName ?? "" }));
      },
      (e: unknown) => setLoad(e instanceof ApiError && e.status === 404 ? "invalid" : "failed"),
    );
  }, [token]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onSignedIn(await acceptInvitation(token, account));
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      setErrors(error.status === 400 ? toFieldErrors(error) : {});
      setFailure(error.status === 404 ? "invalid" : error.status === 409 ? "taken" : error.status === 400 ? undefined : "failed");
      setBusy(false);
    }
  };

  return (
    <main id="main" class="signin">
      <div class="card signin-card access-card">
        <p class="brand brand-large" aria-hidden="true">{t("app.name")}</p>
        <h1 id="page-heading">{t("invite.title")}</h1>
        {load === "loading" ? <p role="status" class="muted">{t("app.loading")}</p>
          : load === "invalid" || failure === "invalid" ? <p role="alert" class="error-box">{t("invite.invalid")}</p>
          : load === "failed" ? <p role="alert" class="error-box">{t("access.failed")}</p>
          : (
            <form onSubmit={submit} noValidate aria-busy={busy}>
              <dl class="invite-facts">
                <dt>{t("account.email")}</dt>
                <dd>{load.email}</dd>
                {load.dealerNames.length > 0 ? <><dt>{t("invite.dealers")}</dt><dd>{load.dealerNames.join(", ")}</dd></> : null}
              </dl>
              {failure === "taken" ? <p role="alert" class="error-box">{t("invite.taken")} <a href="/signin">{t("access.goToSignIn")}</a></p> : null}
              <AccountFields idPrefix="invite" values={account} errors={errors} zones={zones}
                onChange={(change) => setAccount((a) => ({ ...a, ...change }))} />
              <button type="submit" class="button primary wide" aria-disabled={busy}>
                {busy ? <span class="spinner" aria-hidden="true" /> : null}
                {busy ? t("invite.submitting") : t("invite.submit")}
              </button>
              <ResultLine ok={false} text={failure === "failed" ? t("access.failed") : Object.keys(errors).length > 0 ? t("form.checkFields") : undefined} />
            </form>
          )}
      </div>
    </main>
  );
}
