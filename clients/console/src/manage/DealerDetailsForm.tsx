import { useEffect, useState } from "preact/hooks";
import { apiFetch, ApiError, createDealer, updateDealer, type AddressDto, type DealerDto, type DealerGroupDto, type DealerRequest } from "@showroom/sdk";
import { TimeZonePicker } from "../components/TimeZonePicker.tsx";
import { useI18n } from "../i18n/context.tsx";
import type { MessageKey } from "../i18n/index.ts";
import { Field, ResultLine, useSay } from "./Form.tsx";
import { errorsUnder, lineErrors, linesToList, toFieldErrors, type FieldErrors } from "./fieldErrors.ts";

const addressFields: readonly { field: keyof AddressDto; label: MessageKey; max: number; autoComplete: string }[] = [
  { field: "street", label: "dealer.street", max: 200, autoComplete: "off" },
  { field: "city", label: "dealer.city", max: 100, autoComplete: "off" },
  { field: "region", label: "dealer.region", max: 100, autoComplete: "off" },
  { field: "postalCode", label: "dealer.postalCode", max: 20, autoComplete: "off" },
  { field: "country", label: "dealer.country", max: 100, autoComplete: "off" },
];

const noAddress: AddressDto = { street: "", city: "", region: "", postalCode: "", country: "" };

interface Values {
  name: string;
  groupId: string;
  timeZone: string;
  address: AddressDto;
  origins: string;
  leadEmail: string;
}

const valuesOf = (d: DealerDto | undefined, groupId: string): Values => ({
  name: d?.name ?? "",
  groupId: d?.groupId ?? groupId,
  timeZone: d?.timeZone ?? "America/Chicago",
  address: { ...noAddress, ...(d?.address ?? {}) },
  origins: (d?.websiteOrigins ?? []).join("\n"),
  leadEmail: d?.leadEmail ?? "",
});

/** The request: an address of only blanks is no address; origins one per line. */
export function dealerRequest(v: Values): DealerRequest {
  const address = Object.values(v.address).some((x) => x.trim() !== "")
    ? Object.fromEntries(Object.entries(v.address).map(([k, x]) => [k, x.trim()])) as unknown as AddressDto
    : null;
  return {
    name: v.name.trim(), groupId: v.groupId, timeZone: v.timeZone, address,
    websiteOrigins: linesToList(v.origins), leadEmail: v.leadEmail.trim() === "" ? null : v.leadEmail.trim(),
  };
}

/** A dealer's details: Admins create and change them; Managers see them read-only. */
export function DealerDetailsForm({ dealer, groups, readOnly, idPrefix = "dealer", onSaved }: {
  dealer: DealerDto | undefined;
  groups: readonly DealerGroupDto[];
  readOnly: boolean;
  idPrefix?: string;
  onSaved: (dealer: DealerDto) => void;
}) {
  const { t } = useI18n();
  const say = useSay();
  const [values, setValues] = useState(() => valuesOf(dealer, groups[0]?.id ?? ""));
  const [zones, setZones] = useState<readonly string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${idPrefix}-${field}`;

  useEffect(() => {
    apiFetch<string[]>("/api/timezones").then(setZones, () => setZones([values.timeZone]));
  }, []);
  useEffect(() => setValues(valuesOf(dealer, groups[0]?.id ?? "")), [dealer?.id]);
  useEffect(() => {
    if (!values.groupId && groups[0]) setValues((v) => ({ ...v, groupId: groups[0]!.id }));
  }, [groups]);

  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || readOnly) return;
    setBusy(true);
    setResult(undefined);
    try {
      const saved = dealer ? await updateDealer(dealer.id, dealerRequest(values)) : await createDealer(dealerRequest(values));
      setErrors({});
      setResult({ ok: true, text: t(dealer ? "dealer.saved" : "dealer.created", { name: saved.name }) });
      if (!dealer) setValues(valuesOf(undefined, values.groupId));
      onSaved(saved);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 ? toFieldErrors(error) : {};
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : error.status === 403 ? t("manage.notAllowed") : t("manage.failed") });
    } finally {
      setBusy(false);
    }
  };

  const address = errorsUnder(errors, "address");
  const originErrors = lineErrors(errors, "websiteOrigins");
  const originError = errors.websiteOrigins ?? (originErrors.length > 0
    ? { key: "dealer.originLineErrors" as const, text: originErrors.map((e) => t("dealer.originLine", { line: e.line, error: say(e.message) ?? "" })).join(" ") }
    : undefined);

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} class="dealer-form">
      <fieldset class="plain-fieldset" disabled={readOnly}>
        {readOnly ? <p class="notice">{t("dealer.readOnly")}</p> : null}
        <div class="field-row">
          <Field id={id("name")} label={t("dealer.name")} required error={errors.name}>
            {(d, invalid) => <input id={id("name")} type="text" required maxLength={200} value={values.name}
              onInput={(e) => set({ name: e.currentTarget.value })} aria-invalid={invalid} aria-describedby={d} />}
          </Field>
          {groups.length > 0 ? (
            <Field id={id("group")} label={t("dealer.group")} required error={errors.groupId}>
              {(d, invalid) => (
                <select id={id("group")} value={values.groupId} onChange={(e) => set({ groupId: e.currentTarget.value })}
                  aria-invalid={invalid} aria-describedby={d}>
                  {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        <Field id={id("timeZone")} label={t("dealer.timeZone")} required error={errors.timeZone}>
          {(d, invalid) => <TimeZonePicker id={id("timeZone")} zones={zones} value={values.timeZone} describedBy={d ?? ""}
            invalid={invalid === true} onChange={(timeZone) => set({ timeZone })} />}
        </Field>
        <fieldset class="address">
          <legend>{t("dealer.address")}</legend>
          <div class="address-grid">
            {addressFields.map((a) => (
              <Field key={a.field} id={id(a.field)} label={t(a.label)} error={address[a.field]}>
                {(d, invalid) => <input id={id(a.field)} type="text" maxLength={a.max} autoComplete={a.autoComplete} value={values.address[a.field]}
                  onInput={(e) => set({ address: { ...values.address, [a.field]: e.currentTarget.value } })} aria-invalid={invalid} aria-describedby={d} />}
              </Field>
            ))}
          </div>
        </fieldset>
        <Field id={id("origins")} label={t("dealer.origins")} error={originError} hint={t("dealer.originsHint")}>
          {(d, invalid) => <textarea id={id("origins")} rows={3} spellcheck={false} value={values.origins}
            onInput={(e) => set({ origins: e.currentTarget.value })} aria-invalid={invalid} aria-describedby={d} />}
        </Field>
        <Field id={id("leadEmail")} label={t("dealer.leadEmail")} error={errors.leadEmail} hint={t("dealer.leadEmailHint")}>
          {(d, invalid) => <input id={id("leadEmail")} type="email" maxLength={256} value={values.leadEmail}
            onInput={(e) => set({ leadEmail: e.currentTarget.value })} aria-invalid={invalid} aria-describedby={d} />}
        </Field>
      </fieldset>
      {readOnly ? null : (
        <div class="form-actions">
          <button type="submit" class="button primary" aria-disabled={busy}>{dealer ? t("dealer.save") : t("dealer.create")}</button>
          <ResultLine ok={result?.ok ?? true} text={result?.text} />
        </div>
      )}
    </form>
  );
}
