import { z } from "zod";

import { isTimeZone } from "@/lib/org/update-org-settings";

// A business-hours schedule as people write it: per weekday a list of local opening intervals, and
// a list of closed days. Kept free of the database so forms and tests can use it as is.

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  "1": "Monday", "2": "Tuesday", "3": "Wednesday", "4": "Thursday", "5": "Friday", "6": "Saturday", "7": "Sunday",
};

/** Local "HH:MM" from 00:00 to 24:00 (24:00 closes at midnight). */
const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "times are HH:MM, from 00:00 to 24:00");
export type OpenInterval = [string, string];

export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

const ZDayHours = z
  .array(z.tuple([clock, clock]))
  .max(6, "at most six intervals a day")
  .refine((intervals) => intervals.every(([a, b]) => minutesOf(a) < minutesOf(b)), "each interval must end after it starts")
  .refine(
    (intervals) => intervals.every((interval, i) => i === 0 || minutesOf(intervals[i - 1]![1]) < minutesOf(interval[0])),
    "intervals must be in order and must not overlap or touch",
  );

export const ZWeeklyHours = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, ZDayHours])) as Record<Weekday, typeof ZDayHours>);
export type WeeklyHours = z.infer<typeof ZWeeklyHours>;

export const ZHoliday = z.object({ date: z.iso.date("holidays are dates YYYY-MM-DD"), name: z.string().trim().max(100).default("") });
export type Holiday = z.infer<typeof ZHoliday>;

export const ZScheduleInput = z.object({
  timeZone: z.string().trim().refine(isTimeZone, "must be an IANA time zone such as Europe/Copenhagen"),
  weeklyHours: ZWeeklyHours,
  holidays: z.array(ZHoliday).max(500, "at most 500 holidays"),
});
export type ScheduleInput = z.infer<typeof ZScheduleInput>;

/** Monday to Friday, 09:00 to 17:00: what a new schedule starts from. */
export const OFFICE_HOURS: WeeklyHours = {
  "1": [["09:00", "17:00"]], "2": [["09:00", "17:00"]], "3": [["09:00", "17:00"]], "4": [["09:00", "17:00"]], "5": [["09:00", "17:00"]],
  "6": [], "7": [],
};

export const ALWAYS_OPEN: WeeklyHours = Object.fromEntries(WEEKDAYS.map((d) => [d, [["00:00", "24:00"]]])) as WeeklyHours;

/** "09:00-12:00, 13:00-17:00" (or "closed", or empty) as intervals; the text of a day's field. */
export function parseDayHours(text: string): OpenInterval[] | string {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "" || trimmed === "closed") return [];
  const intervals: OpenInterval[] = [];
  for (const part of trimmed.split(",")) {
    const match = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!match) return `"${part.trim()}" is not an interval such as 09:00-17:00`;
    intervals.push([match[1]!.padStart(5, "0"), match[2]!.padStart(5, "0")]);
  }
  return intervals;
}

export const formatDayHours = (intervals: readonly OpenInterval[]) =>
  intervals.length ? intervals.map(([a, b]) => `${a}-${b}`).join(", ") : "closed";

/** One holiday per line: "2026-12-25 Christmas Day". */
export function parseHolidays(text: string): Holiday[] | string {
  const holidays: Holiday[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const match = /^(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(line);
    if (!match || !ZHoliday.shape.date.safeParse(match[1]).success) return `"${line}" does not start with a date YYYY-MM-DD`;
    holidays.push({ date: match[1]!, name: match[2]!.trim() });
  }
  return holidays;
}

export const formatHolidays = (holidays: readonly Holiday[]) => holidays.map((h) => `${h.date} ${h.name}`.trim()).join("\n");
