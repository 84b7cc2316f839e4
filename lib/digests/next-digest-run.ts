import { TZDate } from "@date-fns/tz";

// When a digest is next due: a local time on the organisation's clock, every day or on one
// weekday. Calendar arithmetic happens here with @date-fns/tz, so a 08:00 digest is at 08:00 local
// on both sides of a DST change (23 and 25 hours apart across it), never an hour early or late.

export interface DigestSchedule {
  frequency: "daily" | "weekly";
  /** ISO weekday, 1 = Monday … 7 = Sunday; only for weekly. */
  weekday: number | null;
  /** "HH:MM" */
  localTime: string;
}

const MINUTE_MS = 60_000;

const wall = (instant: number, timeZone: string) => {
  const l = new TZDate(instant, timeZone);
  return { day: l.getDate(), minutes: l.getHours() * 60 + l.getMinutes() };
};

/**
 * A local time on a local day as an instant. A time the clocks skip (02:30 on a spring-forward
 * night) is taken as the moment the clock jumps (03:00 local): the first moment of that day at or
 * after the time asked for, so the digest still goes out that day and as close as possible to it.
 * A time that happens twice (02:30 on an autumn night) is the first of the two.
 */
export function localTimeOnDay(timeZone: string, y: number, m: number, d: number, minutes: number): Date {
  // TZDate moves a skipped time on by the gap (02:30 → 03:30); walk back to where the jump lands.
  let at = new TZDate(y, m, d, 0, minutes, 0, timeZone).getTime();
  if (wall(at, timeZone).minutes !== minutes) {
    while (wall(at - MINUTE_MS, timeZone).day === d && wall(at - MINUTE_MS, timeZone).minutes >= minutes) at -= MINUTE_MS;
    return new Date(at);
  }
  // TZDate takes the later of a repeated time; an earlier instant with the same wall time is the first.
  for (const back of [3_600_000, 1_800_000]) {
    const earlier = wall(at - back, timeZone);
    if (earlier.day === d && earlier.minutes === minutes) return new Date(at - back);
  }
  return new Date(at);
}

/** The first scheduled moment strictly after `after`. */
export function nextDigestRun(schedule: DigestSchedule, after: Date, timeZone: string): Date {
  const [hours, mins] = schedule.localTime.split(":").map(Number) as [number, number];
  const today = new TZDate(after.getTime(), timeZone);
  // Eight days always reach the weekday once more, whatever today is and however late it is.
  for (let offset = 0; offset <= 8; offset++) {
    const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + offset, 12, 0, 0, timeZone);
    const isoWeekday = ((day.getDay() + 6) % 7) + 1;
    if (schedule.frequency === "weekly" && isoWeekday !== schedule.weekday) continue;
    const at = localTimeOnDay(timeZone, day.getFullYear(), day.getMonth(), day.getDate(), hours * 60 + mins);
    if (at > after) return at;
  }
  throw new Error(`no run of ${JSON.stringify(schedule)} within eight days of ${after.toISOString()}`);
}
