import { weekdays, type Weekday } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { useSay } from "./Form.tsx";
import type { FieldErrors } from "./fieldErrors.ts";
import { addInterval, copyDayToAll, removeInterval, setInterval, type Week } from "./hours.ts";

/**
 * A department's weekly hours: each day closed, or one or more intervals (opens–closes, "HH:mm", closes may
 * be 24:00). Errors are keyed by cell ("Monday[0].closes"), mapped from the server's "hours[i].closes".
 */
export function HoursTable({ idPrefix, week, errors, disabled, onChange }: {
  idPrefix: string;
  week: Week;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (week: Week) => void;
}) {
  const { t } = useI18n();
  const say = useSay();
  const dayName = (day: Weekday) => t(`day.${day}`);
  return (
    <table class="hours-table">
      <caption class="visually-hidden">{t("hours.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("hours.day")}</th>
          <th scope="col">{t("hours.hours")}</th>
          <th scope="col"><span class="visually-hidden">{t("hours.actions")}</span></th>
        </tr>
      </thead>
      <tbody>
        {weekdays.map((day) => (
          <tr key={day}>
            <th scope="row">{dayName(day)}</th>
            <td>
              {week[day].length === 0 ? <span class="muted">{t("hours.closed")}</span> : (
                <ul class="intervals">
                  {week[day].map((interval, index) => {
                    const cell = `${day}[${index}]`;
                    const nth = week[day].length > 1 ? ` ${index + 1}` : "";
                    const error = errors[`${cell}.opens`] ?? errors[`${cell}.closes`] ?? errors[cell];
                    const errorId = `${idPrefix}-${cell}-error`;
                    return (
                      <li key={index}>
                        <input type="text" inputMode="numeric" size={5} maxLength={5} placeholder="09:00" value={interval.opens}
                          aria-label={t("hours.opensLabel", { day: dayName(day), n: nth })} disabled={disabled}
                          aria-invalid={errors[`${cell}.opens`] ? true : undefined} aria-describedby={error ? errorId : undefined}
                          onInput={(e) => onChange(setInterval(week, day, index, { opens: e.currentTarget.value }))} />
                        <span aria-hidden="true">–</span>
                        <input type="text" inputMode="numeric" size={5} maxLength={5} placeholder="17:00" value={interval.closes}
                          aria-label={t("hours.closesLabel", { day: dayName(day), n: nth })} disabled={disabled}
                          aria-invalid={errors[`${cell}.closes`] ? true : undefined} aria-describedby={error ? errorId : undefined}
                          onInput={(e) => onChange(setInterval(week, day, index, { closes: e.currentTarget.value }))} />
                        {disabled ? null : (
                          <button type="button" class="button secondary small" aria-label={t("hours.removeLabel", { day: dayName(day), n: nth })}
                            onClick={() => onChange(removeInterval(week, day, index))}>{t("hours.remove")}</button>
                        )}
                        {error ? <p id={errorId} class="field-error">{say(error)}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </td>
            <td><div class="row-actions">
              {disabled ? null : (
                <>
                  <button type="button" class="button secondary small" aria-label={t("hours.addLabel", { day: dayName(day) })}
                    onClick={() => onChange(addInterval(week, day))}>{t("hours.add")}</button>
                  {week[day].length > 0 ? (
                    <button type="button" class="button secondary small" aria-label={t("hours.copyLabel", { day: dayName(day) })}
                      onClick={() => onChange(copyDayToAll(week, day))}>{t("hours.copy")}</button>
                  ) : null}
                </>
              )}
            </div></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
