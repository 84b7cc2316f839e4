import { TZDate } from "@date-fns/tz";

import { minutesOf, WEEKDAYS, type ScheduleInput } from "./schedule";

// Business time in SQL needs the schedule as absolute instants. A schedule is expanded once, when
// it is saved, into its open intervals over a fixed span of local days, each carrying the business
// seconds before it; business time between two instants is then the difference of two look-ups
// (lib/business-hours/business-time-sql.ts). The local-to-absolute step is here, in JavaScript with
// @date-fns/tz, so days of 23 or 25 hours and half-hour zones come out right by construction.

/** Local days covered: records before or after these have no business time. */
export const EXPANSION_SPAN = { fromYear: 1990, toYear: 2060 } as const;

export interface ExpandedInterval {
  startAt: Date;
  endAt: Date;
  secondsBefore: number;
}

export function expandSchedule(schedule: ScheduleInput, span: { fromYear: number; toYear: number } = EXPANSION_SPAN): ExpandedInterval[] {
  const closed = new Set(schedule.holidays.map((h) => h.date));
  const intervals: ExpandedInterval[] = [];
  let secondsBefore = 0;
  const day = new Date(Date.UTC(span.fromYear, 0, 1));
  const end = Date.UTC(span.toYear, 0, 1);
  for (; day.getTime() < end; day.setUTCDate(day.getUTCDate() + 1)) {
    if (closed.has(day.toISOString().slice(0, 10))) continue;
    const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
    for (const [open, close] of schedule.weeklyHours[weekday]) {
      const startAt = localInstant(schedule.timeZone, y, m, d, minutesOf(open));
      const endAt = localInstant(schedule.timeZone, y, m, d, minutesOf(close));
      if (endAt <= startAt) continue;
      const last = intervals.at(-1);
      // Open across midnight (or 24×7): one interval, not one per day.
      if (last && last.endAt.getTime() === startAt.getTime()) last.endAt = endAt;
      else intervals.push({ startAt, endAt, secondsBefore });
      secondsBefore += (endAt.getTime() - startAt.getTime()) / 1000;
    }
  }
  return intervals;
}

/** A local wall-clock time as an instant; a time skipped by a DST change lands just after it. */
function localInstant(timeZone: string, y: number, m: number, d: number, minutes: number): Date {
  return new Date(new TZDate(y, m, d, 0, minutes, 0, timeZone).getTime());
}
