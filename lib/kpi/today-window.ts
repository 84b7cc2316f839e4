import { TZDate } from "@date-fns/tz";

/** Today's local day in `timeZone` as [from, to): midnight to the next midnight, DST-aware. */
export function todayWindow(now: Date, timeZone: string): { from: Date; to: Date } {
  const local = new TZDate(now.getTime(), timeZone);
  const from = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, 0, timeZone);
  const to = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timeZone);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}
