import { useEffect, useRef, useState } from "preact/hooks";
import {
  ApiError, deactivate, getPeople, invite, passwordResetLink, putAccess, reactivate, revokeInvitation,
  type AgentRole, type DealerDto, type InvitationDto, type Me, type PersonDto,
} from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { formatDateTime } from "../i18n/format.ts";
import { Dialog } from "./Dialog.tsx";
import { Field, ResultLine } from "./Form.tsx";
import { CopyButton } from "./ManageLayout.tsx";
import { toFieldErrors, type FieldErrors, type Message } from "./fieldErrors.ts";
import { safeLink } from "./snippet.ts";

type Open =
  | { kind: "invite" }
  | { kind: "access"; person: PersonDto }
  | { kind: "deactivate"; person: PersonDto }
  | { kind: "revoke"; person: PersonDto }
  | { kind: "link"; person: PersonDto; emailed: boolean; url: string | undefined }
  | undefined;

/** People of one dealer: invite, change access, deactivate or reactivate, reset links, revoke invitations. */
export function PeoplePage({ me, dealer, dealers }: { me: Me; dealer: DealerDto; dealers: DealerDto[] }) {
  const { t, locale } = useI18n();
  const [people, setPeople] = useState<PersonDto[] | "loading" | "failed">("loading");
  const [open, setOpen] = useState<Open>(undefined);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const inviteButton = useRef<HTMLButtonElement>(null);

  const load = () => getPeople(dealer.id).then(setPeople, () => setPeople("failed"));
  useEffect(() => {
    setPeople("loading");
    void load();
  }, [dealer.id]);

  const close = (text?: string, ok = true) => {
    setOpen(undefined);
    if (text) setResult({ ok, text });
    void load();
  };

  const act = async (person: PersonDto, call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      close(done);
    } catch (e) {
      close(e instanceof ApiError && e.code === "self" ? t("people.self") : t("manage.failed"), false);
    }
  };

  const resetLink = async (person: PersonDto) => {
    try {
      const answer = await passwordResetLink(person.id);
      setOpen({ kind: "link", person, emailed: answer.emailed, url: safeLink(answer.resetUrl) });
    } catch {
      setResult({ ok: false, text: t("manage.failed") });
    }
  };

  const roleName = (role: AgentRole) => t(`role.${role}`);
  const statusName = (p: PersonDto) => t(`people.status.${p.status}`);

  return (
    <section aria-labelledby="people-heading">
      <div class="section-head">
        <h2 id="people-heading">{t("people.title", { dealer: dealer.name })}</h2>
        <button ref={inviteButton} type="button" class="button primary" onClick={() => setOpen({ kind: "invite" })}>{t("people.invite")}</button>
      </div>
      <ResultLine ok={result?.ok ?? true} text={result?.text} />
      {people === "loading" ? <p role="status" class="muted">{t("app.loading")}</p>
        : people === "failed" ? <p role="alert" class="error-box">{t("manage.loadFailed")}</p>
        : people.length === 0 ? <p class="empty-state">{t("people.empty")}</p>
        : (
          <div class="table-wrap">
            <table class="manage-table">
              <thead>
                <tr>
                  <th scope="col">{t("people.name")}</th>
                  <th scope="col">{t("account.email")}</th>
                  <th scope="col">{t("people.role")}</th>
                  <th scope="col">{t("people.status")}</th>
                  <th scope="col">{t("people.departments")}</th>
                  <th scope="col">{t("people.chatLimit")}</th>
                  <th scope="col">{t("people.lastSignIn")}</th>
                  <th scope="col"><span class="visually-hidden">{t("people.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => {
                  const name = p.displayName || p.email;
                  return (
                    <tr key={p.id} class={p.status === "Deactivated" ? "inactive" : undefined}>
                      <th scope="row">{p.displayName || <span class="muted">{t("people.noName")}</span>}</th>
                      <td>{p.email}</td>
                      <td>{roleName(p.role)}</td>
                      <td><span class={`person-status person-status-${p.status.toLowerCase()}`}>{statusName(p)}</span>
                        {p.status === "Invited" && p.invitationExpiresAt
                          ? <span class="muted small-line">{t("people.expires", { time: formatDateTime(p.invitationExpiresAt, locale, me.timeZone) })}</span>
                          : null}
                      </td>
                      <td>{p.departments.filter((d) => d.dealerId === dealer.id).map((d) => d.name).join(", ") || <span class="muted">{t("people.none")}</span>}</td>
                      <td>{p.chatLimit ?? <span class="muted">{t("people.dealerDefault")}</span>}</td>
                      <td>{p.lastSignInAt ? formatDateTime(p.lastSignInAt, locale, p.timeZone ?? me.timeZone) : <span class="muted">{t("people.never")}</span>}</td>
                      <td><div class="row-actions">
                        {p.status === "Invited" ? (
                          <button type="button" class="button secondary small" aria-label={t("people.revokeNamed", { name })}
                            onClick={() => setOpen({ kind: "revoke", person: p })}>{t("people.revoke")}</button>
                        ) : p.id === me.id ? <span class="muted">{t("people.you")}</span> : (
                          <>
                            <button type="button" class="button secondary small" aria-label={t("people.editNamed", { name })}
                              onClick={() => setOpen({ kind: "access", person: p })}>{t("people.edit")}</button>
                            {p.status === "Active" ? (
                              <>
                                <button type="button" class="button secondary small" aria-label={t("people.resetNamed", { name })}
                                  onClick={() => void resetLink(p)}>{t("people.reset")}</button>
                                <button type="button" class="button danger small" aria-label={t("people.deactivateNamed", { name })}
                                  onClick={() => setOpen({ kind: "deactivate", person: p })}>{t("people.deactivate")}</button>
                              </>
                            ) : (
                              <button type="button" class="button secondary small" aria-label={t("people.reactivateNamed", { name })}
                                onClick={() => void act(p, () => reactivate(p.id), t("people.reactivated", { name }))}>{t("people.reactivate")}</button>
                            )}
                          </>
                        )}
                      </div></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

      {open?.kind === "invite" || open?.kind === "access" ? (
        <PersonDialog me={me} dealer={dealer} dealers={dealers} person={open.kind === "access" ? open.person : undefined}
          onClose={(text) => close(text)} />
      ) : null}
      {open?.kind === "deactivate" ? (
        <Dialog title={t("people.deactivateTitle", { name: open.person.displayName })} onClose={() => setOpen(undefined)}>
          <p>{t("people.deactivateExplain")}</p>
          <div class="dialog-actions">
            <button type="button" class="button danger" onClick={() => void act(open.person, () => deactivate(open.person.id),
              t("people.deactivated", { name: open.person.displayName }))}>{t("people.deactivateConfirm")}</button>
            <button type="button" class="button secondary" onClick={() => setOpen(undefined)}>{t("manage.cancel")}</button>
          </div>
        </Dialog>
      ) : null}
      {open?.kind === "revoke" ? (
        <Dialog title={t("people.revokeTitle", { email: open.person.email })} onClose={() => setOpen(undefined)}>
          <p>{t("people.revokeExplain")}</p>
          <div class="dialog-actions">
            <button type="button" class="button danger" onClick={() => void act(open.person, () => revokeInvitation(open.person.id),
              t("people.revoked", { email: open.person.email }))}>{t("people.revokeConfirm")}</button>
            <button type="button" class="button secondary" onClick={() => setOpen(undefined)}>{t("manage.cancel")}</button>
          </div>
        </Dialog>
      ) : null}
      {open?.kind === "link" ? (
        <Dialog title={t("people.resetTitle", { name: open.person.displayName })} onClose={() => setOpen(undefined)}>
          {open.emailed || !open.url ? <p role="status">{t("people.resetEmailed", { email: open.person.email })}</p> : (
            <LinkToCopy id="reset-link" label={t("people.resetLink")} url={open.url} hint={t("people.resetLinkHint")} />
          )}
          <div class="dialog-actions">
            <button type="button" class="button secondary" onClick={() => setOpen(undefined)}>{t("manage.done")}</button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function LinkToCopy({ id, label, url, hint }: { id: string; label: string; url: string; hint: string }) {
  const { t } = useI18n();
  return (
    <div class="field link-to-copy">
      <label for={id}>{label}</label>
      <input id={id} type="text" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(e) => e.currentTarget.select()} />
      <p id={`${id}-hint`} class="hint">{hint}</p>
      <CopyButton text={url} label={t("people.copyLink")} target={id} />
    </div>
  );
}

const roles: readonly AgentRole[] = ["Agent", "Manager", "Admin"];

/** Invite someone, or change a person's role, dealers, departments and chat limit. */
function PersonDialog({ me, dealer, dealers, person, onClose }: {
  me: Me;
  dealer: DealerDto;
  dealers: DealerDto[];
  person: PersonDto | undefined;
  onClose: (text?: string) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [role, setRole] = useState<AgentRole>(person?.role ?? "Agent");
  const [dealerIds, setDealerIds] = useState<string[]>(person ? person.dealers.map((d) => d.id) : [dealer.id]);
  const [departmentIds, setDepartmentIds] = useState<string[]>(person ? person.departments.map((d) => d.id) : []);
  const [chatLimit, setChatLimit] = useState(person?.chatLimit?.toString() ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [sent, setSent] = useState<InvitationDto | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const allowedRoles = roles.filter((r) => r !== "Admin" || me.role === "Admin");
  const chosen = dealers.filter((d) => dealerIds.includes(d.id));
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    const limit = chatLimit.trim() === "" ? null : Number(chatLimit);
    const departments = departmentIds.filter((id) => chosen.some((d) => d.departments.some((x) => x.id === id)));
    const access = { role, dealerIds, departmentIds: departments, chatLimit: limit === null || Number.isInteger(limit) ? limit : -1 };
    try {
      if (person) {
        await putAccess(person.id, access);
        onClose(t("people.accessSaved", { name: person.displayName }));
      } else {
        const answer = await invite({ ...access, email: email.trim(), firstName: firstName.trim(), lastName: lastName.trim() });
        setErrors({});
        if (answer.emailed || !safeLink(answer.inviteUrl)) onClose(t("people.invited", { email: answer.email }));
        else setSent(answer);
      }
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields: Record<string, Message> = error.status === 400 ? { ...toFieldErrors(error) } : {};
      if (error.code === "email_taken") fields.email = { key: "people.emailTaken" };
      setErrors(fields);
      setFailure(Object.keys(fields).length > 0 ? t("form.checkFields") : error.code === "self" ? t("people.self") : t("manage.failed"));
    } finally {
      setBusy(false);
    }
  };

  const title = person ? t("people.editTitle", { name: person.displayName }) : t("people.inviteTitle");
  if (sent) {
    return (
      <Dialog title={t("people.inviteTitle")} onClose={() => onClose()}>
        <p role="status" class="notice">{t("people.inviteLinkIntro", { email: sent.email })}</p>
        <LinkToCopy id="invite-link" label={t("people.inviteLink")} url={safeLink(sent.inviteUrl) ?? ""} hint={t("people.inviteLinkHint")} />
        <div class="dialog-actions">
          <button type="button" class="button primary" onClick={() => onClose(t("people.inviteCreated", { email: sent.email }))}>{t("manage.done")}</button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title={title} onClose={() => onClose()}>
      <form onSubmit={submit} noValidate aria-busy={busy} class="person-form">
        {person ? null : (
          <>
            <Field id="person-email" label={t("account.email")} required error={errors.email}>
              {(d, invalid) => <input id="person-email" type="email" autoComplete="off" required maxLength={256} value={email}
                onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
            </Field>
            <div class="field-row">
              <Field id="person-firstName" label={t("account.firstName")} error={errors.firstName}>
                {(d, invalid) => <input id="person-firstName" type="text" autoComplete="off" maxLength={100} value={firstName}
                  onInput={(e) => setFirstName(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
              </Field>
              <Field id="person-lastName" label={t("account.lastName")} error={errors.lastName}>
                {(d, invalid) => <input id="person-lastName" type="text" autoComplete="off" maxLength={100} value={lastName}
                  onInput={(e) => setLastName(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
              </Field>
            </div>
          </>
        )}
        <Field id="person-role" label={t("people.role")} required error={errors.role}>
          {(d, invalid) => (
            <select id="person-role" value={role} onChange={(e) => setRole(e.currentTarget.value as AgentRole)} aria-invalid={invalid} aria-describedby={d}>
              {allowedRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <fieldset class="checks" aria-describedby={errors.dealerIds ? "person-dealers-error" : undefined}>
          <legend>{t("people.dealers")}</legend>
          {dealers.map((d) => (
            <label key={d.id} class="check">
              <input type="checkbox" checked={dealerIds.includes(d.id)} onChange={(e) => setDealerIds(toggle(dealerIds, d.id, e.currentTarget.checked))} />
              {d.name}
            </label>
          ))}
          {errors.dealerIds ? <p id="person-dealers-error" class="field-error">{t(errors.dealerIds.key, errors.dealerIds.params)}</p> : null}
        </fieldset>
        <fieldset class="checks" aria-describedby={errors.departmentIds ? "person-departments-error" : undefined}>
          <legend>{t("people.departments")}</legend>
          {chosen.flatMap((d) => d.departments.map((dep) => (
            <label key={dep.id} class="check">
              <input type="checkbox" checked={departmentIds.includes(dep.id)}
                onChange={(e) => setDepartmentIds(toggle(departmentIds, dep.id, e.currentTarget.checked))} />
              {chosen.length > 1 ? t("people.departmentOf", { department: dep.name, dealer: d.name }) : dep.name}
            </label>
          )))}
          {chosen.every((d) => d.departments.length === 0) ? <p class="muted">{t("people.noDepartments")}</p> : null}
          {errors.departmentIds ? <p id="person-departments-error" class="field-error">{t(errors.departmentIds.key, errors.departmentIds.params)}</p> : null}
        </fieldset>
        <Field id="person-chatLimit" label={t("people.chatLimit")} error={errors.chatLimit} hint={t("people.chatLimitHint")}>
          {(d, invalid) => <input id="person-chatLimit" type="number" min={1} max={20} inputMode="numeric" value={chatLimit}
            onInput={(e) => setChatLimit(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
        </Field>
        <div class="dialog-actions">
          <button type="submit" class="button primary" aria-disabled={busy}>{person ? t("manage.save") : t("people.sendInvite")}</button>
          <button type="button" class="button secondary" onClick={() => onClose()}>{t("manage.cancel")}</button>
        </div>
        <ResultLine ok={false} text={failure} />
      </form>
    </Dialog>
  );
}
