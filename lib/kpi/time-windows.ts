import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, formatISO, subDays, subMonths } from "date-fns";

import { QUERY_LIMITS } from "./query-limits";

// Windows and time buckets in the organisation's time zone. All calendar arithmetic happens here,
// in JavaScript with @date-fns/tz, and reaches SQL only as absolute instants (bucket boundaries
// bound as a timestamptz[] parameter): no time-zone name is ever spliced into SQL, and days of 23
// or 25 hours and half-hour zones come out right by construction.

export const WINDOW_PRESETS = ["today", "yesterday", "last_7_days", "last_30_days", "this_week", "this_month"] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export const BUCKET_UNITS = ["hour", "day", "week", "month"] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

export interface TimeWindow {
  from: Date;
  to: Date;
}

const local = (instant: Date | number, timeZone: string) => new TZDate(typeof instant === "number" ? instant : instant.getTime(), timeZone);
const at = (timeZone: string, y: number, m: number, d: number, h = 0) => new Date(new TZDate(y, m, d, h, 0, 0, timeZone).getTime());

/** The local midnight starting the day `offset` days from the day of `now`. */
function dayStart(now: Date, timeZone: string, offset = 0): Date {
  const l = local(now, timeZone);
  return at(timeZone, l.getFullYear(), l.getMonth(), l.getDate() + offset);
}

/** A preset as [from, to) in `timeZone`; the "last N days" include today; weeks start on Monday. */
export function presetWindow(preset: WindowPreset, now: Date, timeZone: string): TimeWindow {
  const tomorrow = dayStart(now, timeZone, 1);
  switch (preset) {
    case "today":
      return { from: dayStart(now, timeZone), to: tomorrow };
    case "yesterday":
      return { from: dayStart(now, timeZone, -1), to: dayStart(now, timeZone) };
    case "last_7_days":
      return { from: dayStart(now, timeZone, -6), to: tomorrow };
    case "last_30_days":
      return { from: dayStart(now, timeZone, -29), to: tomorrow };
    case "this_week": {
      const sinceMonday = (local(now, timeZone).getDay() + 6) % 7;
      return { from: dayStart(now, timeZone, -sinceMonday), to: dayStart(now, timeZone, 7 - sinceMonday) };
    }
    case "this_month": {
      const l = local(now, timeZone);
      return { from: at(timeZone, l.getFullYear(), l.getMonth(), 1), to: at(timeZone, l.getFullYear(), l.getMonth() + 1, 1) };
    }
  }
}

/**
 * The previous period of `window` (SPEC: compare=previous): the same stretch of the calendar one
 * period earlier. A month-aligned window moves back by whole months, a day-aligned one by whole
 * local days (so yesterday is a whole day even when today has 23 hours), anything else by its
 * exact length. Its buckets line up one to one with the window's: hour 9 with hour 9.
 */
export function previousPeriod(window: TimeWindow, timeZone: string): TimeWindow {
  const shift = periodShift(window, timeZone);
  return { from: shift(window.from), to: shift(window.to) };
}

/**
 * What "previous period" means wherever a number is compared (the KPI API, dashboards, KPI pages,
 * leaderboards' rank movement, "most improved"): the previous period, cut at the same moment while
 * the window is still running, so today so far meets yesterday up to the same time, as managers
 * see it in Plecto and Geckoboard. A window that has ended meets the whole previous period.
 */
export function comparisonWindow(window: TimeWindow, now: Date, timeZone: string): TimeWindow {
  const shift = periodShift(window, timeZone);
  // A window that has not started yet still compares a sliver, never an empty or inverted window.
  const end = Math.min(window.to.getTime(), Math.max(now.getTime(), window.from.getTime() + 1));
  return { from: shift(window.from), to: shift(new Date(end)) };
}

function periodShift(window: TimeWindow, timeZone: string): (instant: Date) => Date {
  const from = local(window.from, timeZone);
  const to = local(window.to, timeZone);
  const midnight = (l: TZDate) => l.getHours() === 0 && l.getMinutes() === 0 && l.getSeconds() === 0 && l.getMilliseconds() === 0;
  if (midnight(from) && midnight(to)) {
    if (from.getDate() === 1 && to.getDate() === 1) {
      const months = (to.getFullYear() - from.getFullYear()) * 12 + to.getMonth() - from.getMonth();
      return (instant) => new Date(subMonths(local(instant, timeZone), months).getTime());
    }
    const days = differenceInCalendarDays(to, from);
    return (instant) => new Date(subDays(local(instant, timeZone), days).getTime());
  }
  const length = window.to.getTime() - window.from.getTime();
  return (instant) => new Date(instant.getTime() - length);
}

/** The local start of the bucket containing `instant`. */
function bucketStart(instant: Date, unit: BucketUnit, timeZone: string): Date {
  const l = local(instant, timeZone);
  switch (unit) {
    case "hour":
      // Whole minutes and seconds off: right in half-hour zones and in a repeated DST hour alike.
      return new Date(instant.getTime() - (l.getMinutes() * 60 + l.getSeconds()) * 1000 - l.getMilliseconds());
    case "day":
      return at(timeZone, l.getFullYear(), l.getMonth(), l.getDate());
    case "week":
      return at(timeZone, l.getFullYear(), l.getMonth(), l.getDate() - ((l.getDay() + 6) % 7));
    case "month":
      return at(timeZone, l.getFullYear(), l.getMonth(), 1);
  }
}

function nextBucket(start: Date, unit: BucketUnit, timeZone: string): Date {
  if (unit === "hour") return new Date(start.getTime() + 3_600_000);
  const l = local(start, timeZone);
  const [y, m, d] = [l.getFullYear(), l.getMonth(), l.getDate()];
  return unit === "day" ? at(timeZone, y, m, d + 1) : unit === "week" ? at(timeZone, y, m, d + 7) : at(timeZone, y, m + 1, 1);
}

export interface TimeBucket {
  start: Date;
  end: Date;
  /** The bucket's local start as ISO 8601 with its offset, e.g. 2026-03-08T00:00:00-05:00. */
  key: string;
}

/** Every bucket overlapping [from, to), in order, including empty ones (callers gap-fill with them). */
export function timeBuckets(window: TimeWindow, unit: BucketUnit, timeZone: string, limit: number = QUERY_LIMITS.maxBuckets): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let start = bucketStart(window.from, unit, timeZone); start < window.to; ) {
    const end = nextBucket(start, unit, timeZone);
    buckets.push({ start, end, key: formatISO(local(start, timeZone)) });
    if (buckets.length > limit) throw new RangeError(`more than ${limit} ${unit} buckets; choose a larger bucket or a shorter window`);
    start = end;
  }
  return buckets;
}
