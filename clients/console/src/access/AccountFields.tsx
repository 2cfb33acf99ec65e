import { TimeZonePicker } from "../components/TimeZonePicker.tsx";
import { useI18n } from "../i18n/context.tsx";
import { Field } from "../manage/Form.tsx";
import type { FieldErrors } from "../manage/fieldErrors.ts";

export interface AccountValues {
  firstName: string;
  lastName: string;
  password: string;
  timeZone: string;
}

/** Names, a new password and the time zone: the part of the set-up and invitation forms that makes an account. */
export function AccountFields({ idPrefix, values, errors, zones, onChange }: {
  idPrefix: string;
  values: AccountValues;
  errors: FieldErrors;
  zones: readonly string[];
  onChange: (change: Partial<AccountValues>) => void;
}) {
  const { t } = useI18n();
  const text = (field: "firstName" | "lastName" | "password") => (event: Event) =>
    onChange({ [field]: (event.currentTarget as HTMLInputElement).value });
  return (
    <>
      <div class="field-row">
        <Field id={`${idPrefix}-firstName`} label={t("account.firstName")} required error={errors.firstName}>
          {(describedBy, invalid) => (
            <input id={`${idPrefix}-firstName`} type="text" autoComplete="given-name" required maxLength={100}
              value={values.firstName} onInput={text("firstName")} aria-invalid={invalid} aria-describedby={describedBy} />
          )}
        </Field>
        <Field id={`${idPrefix}-lastName`} label={t("account.lastName")} required error={errors.lastName}>
          {(describedBy, invalid) => (
            <input id={`${idPrefix}-lastName`} type="text" autoComplete="family-name" required maxLength={100}
              value={values.lastName} onInput={text("lastName")} aria-invalid={invalid} aria-describedby={describedBy} />
          )}
        </Field>
      </div>
      <Field id={`${idPrefix}-password`} label={t("account.password")} required error={errors.password ?? errors.newPassword}
        hint={t("account.passwordHint")}>
        {(describedBy, invalid) => (
          <input id={`${idPrefix}-password`} type="password" autoComplete="new-password" required
            value={values.password} onInput={text("password")} aria-invalid={invalid} aria-describedby={describedBy} />
        )}
      </Field>
      <Field id={`${idPrefix}-timeZone`} label={t("account.timeZone")} required error={errors.timeZone}>
        {(describedBy, invalid) => (
          <TimeZonePicker id={`${idPrefix}-timeZone`} zones={zones} value={values.timeZone} describedBy={describedBy ?? ""}
            invalid={invalid === true} onChange={(timeZone) => onChange({ timeZone })} />
        )}
      </Field>
    </>
  );
}
