import { weekdays, type BusinessHoursDto, type HoursRequest, type Weekday } from "@showroom/sdk";

export interface Interval {
  opens: string;
  closes: string;
}

/** A department's week as the hours table shows it: each day's intervals ("HH:mm"), none when closed. */
export type Week = Readonly<Record<Weekday, readonly Interval[]>>;

export const emptyWeek = (): Week =>
  ({ Monday: [], Tuesday: [], Wednesday: [], Thursday: [], Friday: [], Saturday: [], Sunday: [] });

/** "09:00:00" → "09:00"; the server's "until midnight" ("23:59:59.9999999" or "24:00") → "24:00". */
export function shortTime(value: string): string {
  if (/^23:59:59\.9/.test(value) || value.startsWith("24:00") || value === "1.00:00:00") return "24:00";
  const m = /^(\d{1,2}):(\d{2})/.exec(value);
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : value;
}

/** The server's hours as a week, each day's intervals in order of opening. */
export function weekFromHours(hours: readonly BusinessHoursDto[]): Week {
  const week: Record<Weekday, Interval[]> = { ...emptyWeek() } as Record<Weekday, Interval[]>;
  for (const day of weekdays) week[day] = [];
  for (const h of hours) week[h.day]?.push({ opens: shortTime(h.opens), closes: shortTime(h.closes) });
  for (const day of weekdays) week[day].sort((a, b) => a.opens.localeCompare(b.opens));
  return week;
}

/**
 * The week as the request's list, Monday first, and where each entry came from: the server's errors name
 * "hours[i]", and `at[i]` says which day and interval of the table that is.
 */
export function hoursRequest(week: Week): { hours: HoursRequest[]; at: { day: Weekday; index: number }[] } {
  const hours: HoursRequest[] = [];
  const at: { day: Weekday; index: number }[] = [];
  for (const day of weekdays) {
    week[day].forEach((interval, index) => {
      hours.push({ day, opens: interval.opens, closes: interval.closes });
      at.push({ day, index });
    });
  }
  return { hours, at };
}

/** Server errors "hours[i].opens" re-keyed by the table's cells: "Monday[0].opens". */
export function hoursErrorsByCell<T>(errors: Readonly<Record<string, T>>, at: readonly { day: Weekday; index: number }[], prefix = "hours"): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [path, value] of Object.entries(errors)) {
    const m = new RegExp(`^${prefix}\\[(\\d+)\\](?:\\.(\\w+))?$`).exec(path);
    const cell = m ? at[Number(m[1])] : undefined;
    if (cell) result[`${cell.day}[${cell.index}]${m![2] ? `.${m![2]}` : ""}`] = value;
  }
  return result;
}

/** A new interval for a day: after the day's last one (an hour later), or 09:00–17:00 on a closed day. */
export function addInterval(week: Week, day: Weekday): Week {
  const list = week[day];
  const last = list[list.length - 1];
  let next: Interval = { opens: "09:00", closes: "17:00" };
  if (last) {
    const start = Math.min(toMinutes(last.closes) + 60, 23 * 60);
    next = { opens: fromMinutes(start), closes: fromMinutes(Math.min(start + 60, 24 * 60)) };
  }
  return { ...week, [day]: [...list, next] };
}

export function removeInterval(week: Week, day: Weekday, index: number): Week {
  return { ...week, [day]: week[day].filter((_, i) => i !== index) };
}

export function setInterval(week: Week, day: Weekday, index: number, change: Partial<Interval>): Week {
  return { ...week, [day]: week[day].map((interval, i) => (i === index ? { ...interval, ...change } : interval)) };
}

/** Copies one day's intervals to every other day of the week (Monday's hours for a whole week of the same). */
export function copyDayToAll(week: Week, day: Weekday, days: readonly Weekday[] = weekdays): Week {
  const result = { ...week } as Record<Weekday, readonly Interval[]>;
  for (const d of days) result[d] = week[day].map((i) => ({ ...i }));
  return result;
}

export function toMinutes(time: string): number {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

export function fromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
