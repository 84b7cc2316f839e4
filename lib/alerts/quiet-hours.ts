import { TZDate } from "@date-fns/tz";

// Quiet hours: a local stretch of the day (in the organisation's zone) when an alert's channels are
// not disturbed. It may cross midnight (22:00–07:00); its days are the days it *begins* on, so
// "Friday 22:00–07:00" covers Friday night into Saturday morning. Times are wall-clock minutes, so
// on a DST day a window keeps its local times and is an hour shorter or longer.

export interface QuietHours {
  /** Minutes after local midnight; start ≠ end. */
  start: number;
  end: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which it begins; empty = every day. */
  days: readonly number[];
}

export function isQuietAt(quiet: QuietHours | null, at: Date, timeZone: string): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const today = local.getDay() === 0 ? 7 : local.getDay();
  const yesterday = today === 1 ? 7 : today - 1;
  const on = (day: number) => quiet.days.length === 0 || quiet.days.includes(day);
  if (quiet.start < quiet.end) return on(today) && minute >= quiet.start && minute < quiet.end;
  return (on(today) && minute >= quiet.start) || (on(yesterday) && minute < quiet.end);
}

/** "22:00" ↔ 1320. */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
