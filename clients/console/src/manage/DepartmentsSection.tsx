import { useState } from "preact/hooks";
import {
  ApiError, createDepartment, createHoliday, deleteDepartment, deleteHoliday, departmentKinds, updateDepartment,
  type DealerDto, type DepartmentDto, type DepartmentKind,
} from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { Field, ResultLine } from "./Form.tsx";
import { HoursTable } from "./HoursTable.tsx";
import { toFieldErrors, type FieldErrors } from "./fieldErrors.ts";
import { hoursErrorsByCell, hoursRequest, weekFromHours } from "./hours.ts";

type Result = { ok: boolean; text: string } | undefined;

const failure = (e: unknown, t: (k: "form.checkFields" | "manage.notAllowed" | "manage.failed") => string) => {
  const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
  const fields = error.status === 400 ? toFieldErrors(error) : {};
  return { fields, text: Object.keys(fields).length > 0 ? t("form.checkFields") : error.status === 403 ? t("manage.notAllowed") : t("manage.failed"), error };
};

/** The dealer's departments with their weekly hours, a form to add one, and the holiday closures. */
export function DepartmentsSection({ dealer, canEdit, onChanged }: { dealer: DealerDto; canEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const free = departmentKinds.filter((k) => !dealer.departments.some((d) => d.kind === k));
  return (
    <section aria-labelledby="departments-heading" class="settings-section">
      <h2 id="departments-heading">{t("departments.title")}</h2>
      <p class="muted">{t("departments.intro", { zone: dealer.timeZone })}</p>
      {dealer.departments.length === 0 ? <p class="muted">{t("departments.none")}</p> : null}
      {dealer.departments.map((d) => <DepartmentCard key={d.id} dealer={dealer} department={d} canEdit={canEdit} onChanged={onChanged} />)}
      {canEdit && free.length > 0 ? <AddDepartment dealer={dealer} kinds={free} onChanged={onChanged} /> : null}
      <Holidays dealer={dealer} canEdit={canEdit} onChanged={onChanged} />
    </section>
  );
}

function DepartmentCard({ dealer, department, canEdit, onChanged }: { dealer: DealerDto; department: DepartmentDto; canEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(department.name);
  const [week, setWeek] = useState(() => weekFromHours(department.hours));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `dept-${department.kind}`;
  const { hours, at } = hoursRequest(week);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await updateDepartment(dealer.id, department.id, { name: name.trim(), hours });
      setErrors({});
      setResult({ ok: true, text: t("departments.saved", { name: name.trim() }) });
      onChanged();
    } catch (e) {
      const f = failure(e, t);
      setErrors(f.fields);
      setResult({ ok: false, text: f.text });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await deleteDepartment(dealer.id, department.id);
      onChanged();
    } catch (e) {
      setResult({ ok: false, text: e instanceof ApiError && e.code === "department_busy" ? t("departments.busy") : failure(e, t).text });
    }
  };

  const cellErrors = hoursErrorsByCell(errors, at);
  const hoursError = errors.hours;
  return (
    <form class="card department-card" onSubmit={save} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t(`kind.${department.kind}`)}</h3>
      <Field id={`${id}-name`} label={t("departments.name")} required error={errors.name}>
        {(d, invalid) => <input id={`${id}-name`} type="text" maxLength={100} required value={name} disabled={!canEdit}
          onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
      </Field>
      <p class="hours-heading" id={`${id}-hours`}>{t("departments.hours", { name: department.name })}</p>
      <HoursTable idPrefix={id} week={week} errors={cellErrors} disabled={!canEdit} onChange={setWeek} />
      {hoursError ? <p class="field-error">{t(hoursError.key, hoursError.params)}</p> : null}
      {canEdit ? (
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy}>{t("departments.save", { name: department.name })}</button>
          <button type="button" class="button danger" onClick={() => void remove()}>{t("departments.delete", { name: department.name })}</button>
          <ResultLine ok={result?.ok ?? true} text={result?.text} />
        </div>
      ) : null}
    </form>
  );
}

function AddDepartment({ dealer, kinds, onChanged }: { dealer: DealerDto; kinds: readonly DepartmentKind[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<DepartmentKind>(kinds[0]!);
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      await createDepartment(dealer.id, { kind, name: name.trim() || t(`kind.${kind}`), hours: [] });
      setErrors({});
      setName("");
      setResult({ ok: true, text: t("departments.added", { name: name.trim() || t(`kind.${kind}`) }) });
      onChanged();
    } catch (e) {
      const f = failure(e, t);
      setErrors(f.fields);
      setResult({ ok: false, text: f.text });
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} noValidate aria-labelledby="add-department-heading">
      <h3 id="add-department-heading">{t("departments.add")}</h3>
      <div class="field-row">
        <Field id="new-dept-kind" label={t("departments.kind")} required error={errors.kind}>
          {(d, invalid) => (
            <select id="new-dept-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as DepartmentKind)} aria-invalid={invalid} aria-describedby={d}>
              {kinds.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field id="new-dept-name" label={t("departments.name")} error={errors.name} hint={t("departments.nameHint")}>
          {(d, invalid) => <input id="new-dept-name" type="text" maxLength={100} value={name}
            onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
        </Field>
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary">{t("departments.addButton")}</button>
        <ResultLine ok={result?.ok ?? true} text={result?.text} />
      </div>
    </form>
  );
}

function Holidays({ dealer, canEdit, onChanged }: { dealer: DealerDto; canEdit: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      await createHoliday(dealer.id, { date, name: name.trim() });
      setErrors({});
      setDate("");
      setName("");
      setResult({ ok: true, text: t("holidays.added", { name: name.trim() }) });
      onChanged();
    } catch (e) {
      const f = failure(e, t);
      setErrors(f.fields);
      setResult({ ok: false, text: f.text });
    }
  };
  const remove = async (id: string, holiday: string) => {
    try {
      await deleteHoliday(dealer.id, id);
      setResult({ ok: true, text: t("holidays.deleted", { name: holiday }) });
      onChanged();
    } catch (e) {
      setResult({ ok: false, text: failure(e, t).text });
    }
  };
  const showDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { timeZone: "UTC", dateStyle: "full" });
  return (
    <div class="holidays" aria-labelledby="holidays-heading" role="group">
      <h3 id="holidays-heading">{t("holidays.title")}</h3>
      <p class="muted">{t("holidays.intro")}</p>
      {dealer.holidays.length === 0 ? <p class="muted">{t("holidays.none")}</p> : (
        <ul class="holiday-list">
          {dealer.holidays.map((h) => (
            <li key={h.id}>
              <span><strong>{showDate(h.date)}</strong> — {h.name}</span>
              {canEdit ? <button type="button" class="button secondary small" aria-label={t("holidays.deleteLabel", { name: h.name })}
                onClick={() => void remove(h.id, h.name)}>{t("holidays.delete")}</button> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form class="inline-form" onSubmit={submit} noValidate>
          <div class="field-row">
            <Field id="holiday-date" label={t("holidays.date")} required error={errors.date}>
              {(d, invalid) => <input id="holiday-date" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)}
                aria-invalid={invalid} aria-describedby={d} />}
            </Field>
            <Field id="holiday-name" label={t("holidays.name")} required error={errors.name}>
              {(d, invalid) => <input id="holiday-name" type="text" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)}
                aria-invalid={invalid} aria-describedby={d} />}
            </Field>
          </div>
          <div class="form-actions">
            <button type="submit" class="button primary">{t("holidays.add")}</button>
            <ResultLine ok={result?.ok ?? true} text={result?.text} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
