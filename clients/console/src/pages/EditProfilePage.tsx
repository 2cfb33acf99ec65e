import type { ComponentChildren, Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { apiFetch, ApiError, locales, type Me, type Profile, type ProfileField, type ProfileUpdate } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime } from "../i18n/format.ts";
import type { MessageKey } from "../i18n/index.ts";
import { linkClick } from "../router.ts";
import { useNow } from "../useNow.ts";
import { HeadshotBox } from "../components/HeadshotBox.tsx";
import { TimeZonePicker } from "../components/TimeZonePicker.tsx";
import { profileFieldErrors, profileFields, type FieldErrors } from "../profile/profileErrors.ts";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import { useOffersTitle } from "../chat/OffersContext.tsx";
import { ExtensionBanner } from "../notifications/ExtensionBanner.tsx";

type Load = "loading" | "notFound" | "failed" | { profile: Profile; zones: readonly string[] };
type Outcome = "saved" | "invalid" | "viewOnly" | "failed" | undefined;
type Values = Required<ProfileUpdate>;

const labels: Record<ProfileField, MessageKey> = {
  locale: "profile.locale", timeZone: "profile.timeZone", firstName: "profile.firstName",
  lastName: "profile.lastName", email: "profile.email", currentPassword: "profile.currentPassword",
};

const valuesOf = (p: Profile): Values => ({
  firstName: p.firstName, lastName: p.lastName, email: p.email, locale: p.locale, timeZone: p.timeZone, currentPassword: "",
});

/**
 * Edit Profile, as the agents' guide describes it. Text fields are saved together with Save (the server
 * checks all before saving any); the headshot is saved as soon as it is dropped or chosen.
 */
export function EditProfilePage({ headingRef, me, agentId, onSaved }: {
  headingRef: Ref<HTMLHeadingElement>;
  me: Me;
  agentId: string;
  /** Every saved profile (form or headshot): the console updates its header and language from it. */
  onSaved: (profile: Profile) => void;
}) {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>("loading");
  useDocumentTitle(useOffersTitle(t("profile.pageTitle")));

  useEffect(() => {
    let current = true;
    Promise.all([apiFetch<Profile>(`/api/agents/${agentId}/profile`), apiFetch<string[]>("/api/timezones")]).then(
      ([profile, zones]) => current && setLoad({ profile, zones }),
      (e: unknown) => current && setLoad(e instanceof ApiError && e.status === 404 ? "notFound" : "failed"),
    );
    return () => {
      current = false;
    };
  }, [agentId]);

  return (
    <main id="main" class="page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={headingRef} tabIndex={-1}>{t("profile.title")}</h1>
      {load === "loading" ? <p role="status" class="muted">{t("profile.loading")}</p>
        : load === "notFound" || load === "failed" ? (
          <div class="empty-state">
            <p role="alert">{t(load === "notFound" ? "profile.notFound" : "profile.loadFailed")}</p>
            <p><a href="/" onClick={linkClick}>{t("profile.back")}</a></p>
          </div>
        ) : (
          <ProfileForm initial={load.profile} zones={load.zones} self={agentId === me.id} onSaved={onSaved} />
        )}
    </main>
  );
}

function ProfileForm({ initial, zones, self, onSaved }: {
  initial: Profile;
  zones: readonly string[];
  self: boolean;
  onSaved: (profile: Profile) => void;
}) {
  const { t, locale } = useI18n();
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(() => valuesOf(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const now = useNow(1_000);

  const set = (field: ProfileField) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  // Agents prove who they are to change their sign-in name; Admins changing someone else's need not.
  const emailChanged = values.email.trim().toLowerCase() !== saved.email.toLowerCase();
  const askPassword = self && saved.canChangeEmail && emailChanged;

  useEffect(() => {
    if (outcome === "invalid") summary.current?.focus();
  }, [outcome, errors]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    const { currentPassword, ...fields } = values;
    const body: ProfileUpdate = askPassword ? { ...fields, currentPassword } : fields;
    try {
      const profile = await apiFetch<Profile>(`/api/agents/${saved.id}/profile`, { method: "PUT", body });
      setSaved(profile);
      setValues(valuesOf(profile));
      setErrors({});
      setOutcome("saved");
      onSaved(profile);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fieldErrors = error.status === 400 ? profileFieldErrors(error) : {};
      setErrors(fieldErrors);
      setOutcome(Object.keys(fieldErrors).length > 0 ? "invalid" : error.status === 403 ? "viewOnly" : "failed");
    } finally {
      setBusy(false);
    }
  };

  const headshotSaved = (profile: Profile) => {
    setSaved((s) => ({ ...s, headshot: profile.headshot }));
    onSaved(profile);
  };

  const error = (field: ProfileField) => {
    const message = errors[field];
    return message ? t(message.key, message.params) : undefined;
  };
  const listed = profileFields.filter((f) => errors[f]);
  const name = `${saved.firstName} ${saved.lastName}`.trim();

  return (
    <form class="card profile-form" onSubmit={submit} noValidate aria-busy={busy}>
      {!self ? <p class="notice">{t("profile.otherAgent", { name })}</p> : null}
      {!saved.canEdit ? <p class="notice">{t("profile.viewOnly")}</p> : null}
      {outcome === "invalid" ? (
        <div ref={summary} class="error-box" role="alert" tabIndex={-1}>
          <p>{t("profile.notSaved")}</p>
          <ul>
            {listed.map((field) => (
              <li key={field}>
                <a href={`#profile-${field}`} onClick={(e) => focusField(e, field)}>{t(labels[field])}</a>: {error(field)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="muted required-note" aria-hidden="true">{t("profile.requiredNote")}</p>

      {/* A teammate's profile is shown, not editable: a disabled fieldset disables every control in it. */}
      <fieldset class="plain-fieldset" disabled={!saved.canEdit}>
      <div class="profile-layout">
        <div class="profile-fields">
          <section aria-labelledby="account-heading">
            <h2 id="account-heading">{t("profile.account")}</h2>
            <Field id="profile-locale" label={t("profile.locale")} error={error("locale")}>
              {(describedBy) => (
                <select id="profile-locale" value={values.locale} onChange={set("locale")}
                  aria-invalid={errors.locale ? true : undefined} aria-describedby={describedBy}>
                  {locales.map((l) => <option key={l} value={l}>{t(`locale.${l}`)}</option>)}
                </select>
              )}
            </Field>
            <Field id="profile-timeZone" label={t("profile.timeZone")} required error={error("timeZone")}
              hint={
                <>
                  <span class="hint-line">{t("profile.timeZoneHint")}</span>
                  <span class="hint-line clock">{t("profile.localTime", { time: formatDateTime(now, locale, values.timeZone) })}</span>
                </>
              }>
              {(describedBy) => (
                <TimeZonePicker id="profile-timeZone" zones={zones} value={values.timeZone} describedBy={describedBy ?? ""}
                  invalid={errors.timeZone !== undefined}
                  onChange={(zone) => setValues((v) => ({ ...v, timeZone: zone }))} />
              )}
            </Field>
            <p class="last-sign-in">
              {saved.lastSignInAt
                ? t("profile.lastSignIn", { time: formatDateTime(saved.lastSignInAt, locale, values.timeZone) })
                : t("profile.neverSignedIn")}
            </p>
          </section>

          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t("profile.contact")}</h2>
            <div class="field-row">
              <Field id="profile-firstName" label={t("profile.firstName")} required error={error("firstName")}>
                {(describedBy) => (
                  <input id="profile-firstName" type="text" autoComplete={self ? "given-name" : "off"} required maxLength={100}
                    value={values.firstName} onInput={set("firstName")}
                    aria-invalid={errors.firstName ? true : undefined} aria-describedby={describedBy} />
                )}
              </Field>
              <Field id="profile-lastName" label={t("profile.lastName")} required error={error("lastName")}>
                {(describedBy) => (
                  <input id="profile-lastName" type="text" autoComplete={self ? "family-name" : "off"} required maxLength={100}
                    value={values.lastName} onInput={set("lastName")}
                    aria-invalid={errors.lastName ? true : undefined} aria-describedby={describedBy} />
                )}
              </Field>
            </div>
            <Field id="profile-email" label={t("profile.email")} required error={error("email")}
              hint={t(saved.canChangeEmail ? "profile.emailHint" : "profile.emailManaged")}>
              {(describedBy) => (
                <input id="profile-email" type="email" autoComplete={self ? "email" : "off"} required maxLength={256}
                  readOnly={!saved.canChangeEmail} value={values.email} onInput={set("email")}
                  aria-invalid={errors.email ? true : undefined} aria-describedby={describedBy} />
              )}
            </Field>
            {askPassword ? (
              <Field id="profile-currentPassword" label={t("profile.currentPassword")} required error={error("currentPassword")}
                hint={t("profile.currentPasswordHint")}>
                {(describedBy) => (
                  <input id="profile-currentPassword" type="password" autoComplete="current-password" required
                    value={values.currentPassword} onInput={set("currentPassword")}
                    aria-invalid={errors.currentPassword ? true : undefined} aria-describedby={describedBy} />
                )}
              </Field>
            ) : null}
          </section>
        </div>

        <div class="profile-side">
          <HeadshotBox agentId={saved.id} name={name} headshot={saved.headshot} onSaved={headshotSaved} />
          {/* As in the guide, after the headshot: about this browser, so only on the agent's own profile. */}
          {self ? <ExtensionBanner /> : null}
        </div>
      </div>
      </fieldset>

      {saved.canEdit ? <div class="form-actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          {busy ? <span class="spinner" aria-hidden="true" /> : null}
          {busy ? t("profile.saving") : t("profile.save")}
        </button>
        <p role="status" class={outcome === "saved" ? "success" : "field-error"}>
          {outcome === "saved" ? t("profile.saved")
            : outcome === "viewOnly" ? t("profile.viewOnly")
            : outcome === "failed" ? t("profile.saveFailed")
            : null}
        </p>
      </div> : null}
    </form>
  );
}

function focusField(event: MouseEvent, field: ProfileField) {
  event.preventDefault();
  document.getElementById(`profile-${field}`)?.focus();
}

/** A label (with a visual "*" that screen readers skip: the input says required), the input, its hint and error. */
function Field({ id, label, required = false, hint, error, children }: {
  id: string;
  label: string;
  required?: boolean;
  hint?: ComponentChildren;
  error: string | undefined;
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id} id={`${id}-label`}>
        {label}
        {required ? <span class="required-mark" aria-hidden="true">*</span> : null}
      </label>
      {children(ids || undefined)}
      {error ? <p id={`${id}-error`} class="field-error">{error}</p> : null}
      {hint ? <p id={`${id}-hint`} class="hint">{hint}</p> : null}
    </div>
  );
}
