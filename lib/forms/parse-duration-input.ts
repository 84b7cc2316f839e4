import { z } from "zod";

// Our own parser rather than the `parse-duration` package: that one reads a bare number as
// milliseconds and does not read clock times ("1:30:00"), while a form here means seconds by a
// bare number and people paste clock times from their help desk's reports.

export const DURATION_INPUT_ERROR = "write a duration such as 1h 30m or 90m";

const UNITS = [
  { size: 86_400, names: ["d", "day", "days"] },
  { size: 3600, names: ["h", "hr", "hrs", "hour", "hours"] },
  { size: 60, names: ["m", "min", "mins", "minute", "minutes"] },
  { size: 1, names: ["s", "sec", "secs", "second", "seconds"] },
] as const;

const NUMBER = /^\d+(\.\d+)?$/;
const CLOCK = /^(\d+):([0-5]\d):([0-5]\d)$/;
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;

/**
 * Seconds from a duration as people type it: "1h 30m", "90m", "45s", "1.5h", "1:30:00" (h:mm:ss),
 * or a bare number of seconds; null when it is none of these. Parts run from days down to seconds,
 * each at most once; the total is rounded to whole seconds.
 */
export function parseDurationInput(text: string): number | null {
  const input = text.trim().toLowerCase();
  if (NUMBER.test(input)) return wholeSeconds(Number(input));
  const clock = CLOCK.exec(input);
  if (clock) return wholeSeconds(Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]));
  if (input === "") return null;

  let total = 0;
  let nextUnit = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < input.length) {
    const part = PART.exec(input);
    if (!part) return null;
    const unit = UNITS.findIndex((u) => (u.names as readonly string[]).includes(part[2]!));
    if (unit < nextUnit) return null;
    total += Number(part[1]) * UNITS[unit]!.size;
    nextUnit = unit + 1;
  }
  return wholeSeconds(total);
}

function wholeSeconds(seconds: number): number | null {
  const rounded = Math.round(seconds);
  return Number.isSafeInteger(rounded) ? rounded : null;
}

/**
 * Seconds as a form shows them again, in the words it accepts: "1h 30m", "45s", "2d 4h 30m".
 * Unlike `formatDurationShort` it keeps every part, so saving a form unchanged keeps the value.
 */
export function formatDurationInput(seconds: number): string {
  let rest = Math.round(Math.max(0, seconds));
  const parts: string[] = [];
  for (const { size, names } of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${names[0]}`);
  }
  return parts.length ? parts.join(" ") : "0s";
}

/** A duration field of a zod schema: a typed duration (or a number of seconds) becomes whole seconds. */
export const ZDurationSeconds = z.union([z.number(), z.string()], { error: DURATION_INPUT_ERROR }).transform((input, ctx) => {
  const seconds = typeof input === "number" ? wholeSeconds(input) : parseDurationInput(input);
  if (seconds === null) {
    ctx.addIssue({ code: "custom", message: DURATION_INPUT_ERROR });
    return z.NEVER;
  }
  return seconds;
});
