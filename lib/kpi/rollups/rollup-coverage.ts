import { Prisma } from "@/lib/generated/prisma/client";

import { rollupFamilies, type RollupFamily } from "../catalog";
import { timeBuckets } from "../time-windows";

/**
 * KPI families whose additive measures (counts and exact sums) are rolled up by the hour: those the
 * catalog's family table names a rollup for.
 */
export const ROLLUP_FAMILIES: readonly RollupFamily[] = rollupFamilies();

export const HOUR_MS = 3_600_000;

/** What a query needs to know of one family's rollup: how far it goes and which of its hours changed since. */
export interface RollupState {
  rolledUntil: Date | null;
  serviceLevelSeconds: number | null;
  /** The time zone whose local days the daily rollup holds (the organisation's, when it was rolled up). */
  dayTimeZone: string | null;
  dirtyHours: Date[];
  /**
   * Whether the business-hours and SLA columns (tickets, replies) were computed under the
   * schedules and SLA policies in force; absent or false, queries on those clocks read raw.
   */
  hoursCurrent?: boolean;
}

export type RollupStates = Partial<Record<RollupFamily, RollupState>>;

/** Disjoint instants ranges [start, end), bound as two timestamptz[] parameters. */
export interface TimeRanges {
  starts: string[];
  ends: string[];
}

/**
 * How a window is read: whole clean local days from the daily rollup, whole clean hours from the
 * hourly rollup, and everything else of [from, to) from the raw rows. The three are disjoint and
 * together cover the window exactly once.
 */
export interface Coverage {
  days: TimeRanges;
  hours: TimeRanges;
  raw: TimeRanges;
}

export const floorHour = (t: Date) => new Date(Math.floor(t.getTime() / HOUR_MS) * HOUR_MS);

/**
 * The local days of `timeZone` that overlap `window` and that whole hours make up (every day of a
 * zone on a whole-hour offset, none of a half-hour zone's): the days a daily rollup can hold.
 */
export function rollupDays(window: { from: Date; to: Date }, timeZone: string): [number, number][] {
  return timeBuckets(window, "day", timeZone, Number.POSITIVE_INFINITY)
    .map((b): [number, number] => [b.start.getTime(), b.end.getTime()])
    .filter(([start, end]) => start % HOUR_MS === 0 && end % HOUR_MS === 0);
}

/**
 * Splits [from, to) between the rollups and the raw rows. An hour is read from the hourly rollup
 * when it lies wholly inside the window, before `rolledUntil`, has not changed since it was rolled
 * up, and no bucket boundary cuts it (a half-hour time zone's day starts at :30: that hour is read
 * raw). A local day of the daily rollup's time zone all of whose hours qualify, and that no
 * boundary cuts, is read from the daily rollup when `useDays` (the query needs no dimension the
 * daily rollup lacks). `state` undefined (not rolled up, or not usable for this query) reads
 * everything raw.
 */
export function planCoverage(
  window: { from: Date; to: Date },
  state: RollupState | undefined,
  boundaries: Date[],
  useDays: boolean,
): Coverage {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const none: TimeRanges = { starts: [], ends: [] };
  if (!state?.rolledUntil || state.rolledUntil.getTime() <= from) return { days: none, hours: none, raw: wholeWindow(window.from, window.to) };
  const rolledUntil = state.rolledUntil.getTime();
  // Beyond `rolledUntil` everything is raw: one piece, not an hour at a time.
  const end = Math.min(to, rolledUntil);
  const dirty = new Set(state.dirtyHours.map((h) => floorHour(h).getTime()));
  const cuts = boundaries.map((b) => b.getTime()).sort((a, b) => a - b);
  const cutInside = (start: number, stop: number) => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < cuts.length && cuts[lo]! < stop;
  };
  const clean = (h: number) => h >= from && h + HOUR_MS <= end && !dirty.has(h) && !cutInside(h, h + HOUR_MS);
  const dayAt = new Map(
    useDays && state.dayTimeZone && from < end ? rollupDays({ from: window.from, to: new Date(end) }, state.dayTimeZone) : [],
  );

  const days: [number, number][] = [];
  const hours: [number, number][] = [];
  const raw: [number, number][] = [];
  if (end < to) raw.push([Math.max(from, end), to]);
  for (let h = Math.floor(from / HOUR_MS) * HOUR_MS; h < end; ) {
    const dayEnd = dayAt.get(h);
    if (dayEnd !== undefined && dayEnd <= end && !cutInside(h, dayEnd) && everyHour(h, dayEnd, clean)) {
      days.push([h, dayEnd]);
      h = dayEnd;
    } else {
      (clean(h) ? hours : raw).push([Math.max(h, from), Math.min(h + HOUR_MS, end)]);
      h += HOUR_MS;
    }
  }
  return { days: toTimeRanges(days), hours: toTimeRanges(hours), raw: toTimeRanges(raw) };
}

function everyHour(start: number, stop: number, test: (hour: number) => boolean): boolean {
  for (let h = start; h < stop; h += HOUR_MS) if (!test(h)) return false;
  return true;
}

/** Sorted, merged, non-empty ranges. */
export function toTimeRanges(pieces: [number, number][]): TimeRanges {
  const merged: [number, number][] = [];
  for (const [s, e] of pieces.filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return { starts: merged.map(([s]) => new Date(s).toISOString()), ends: merged.map(([, e]) => new Date(e).toISOString()) };
}

export const wholeWindow = (from: Date, to: Date): TimeRanges => toTimeRanges([[from.getTime(), to.getTime()]]);

/**
 * `column` inside one of the ranges. Written out as bound values rather than joined from an array,
 * so the planner sees how few rows an edge hour holds (a join against unnest() is estimated blind
 * and gets hash joins over whole tables).
 */
export function inRanges(column: Prisma.Sql, ranges: TimeRanges): Prisma.Sql {
  if (ranges.starts.length === 0) return Prisma.sql`false`;
  const each = ranges.starts.map((start, i) => Prisma.sql`(${column} >= ${start}::timestamptz AND ${column} < ${ranges.ends[i]}::timestamptz)`);
  return Prisma.sql`(${Prisma.join(each, " OR ")})`;
}

/** The hour a timestamp falls in, as the rollup keys it (UTC hours; time zones only matter for buckets). */
export const hourOf = (timestamp: Prisma.Sql) => Prisma.sql`date_bin('1 hour', ${timestamp}, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;
