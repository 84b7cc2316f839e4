import { describe, expect, test } from "vitest";

import { expandSchedule } from "./expand-schedule";
import { ALWAYS_OPEN, OFFICE_HOURS, parseDayHours, parseHolidays, ZScheduleInput } from "./schedule";

describe("a day's hours as written in the form", () => {
  test.each([
    ["09:00-17:00", [["09:00", "17:00"]]],
    ["9:00 – 12:00, 13:00-17:30", [["09:00", "12:00"], ["13:00", "17:30"]]],
    ["closed", []],
    ["", []],
    ["22:00-24:00", [["22:00", "24:00"]]],
  ])("%j", (text, expected) => {
    expect(parseDayHours(text)).toEqual(expected);
  });

  test("text that is not an interval is named in the error", () => {
    expect(parseDayHours("9 to 5")).toBe('"9 to 5" is not an interval such as 09:00-17:00');
  });

  test.each([
    [[["17:00", "09:00"]], "each interval must end after it starts"],
    [[["09:00", "13:00"], ["12:00", "17:00"]], "intervals must be in order and must not overlap or touch"],
    [[["09:00", "25:00"]], "times are HH:MM, from 00:00 to 24:00"],
  ])("%j is refused", (hours, message) => {
    const parsed = ZScheduleInput.safeParse({ timeZone: "UTC", weeklyHours: { ...OFFICE_HOURS, "3": hours }, holidays: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(message);
    expect(parsed.error!.issues[0]!.path.slice(0, 2)).toEqual(["weeklyHours", "3"]);
  });

  test("an unknown time zone is refused", () => {
    expect(ZScheduleInput.safeParse({ timeZone: "Mars/Olympus", weeklyHours: OFFICE_HOURS, holidays: [] }).success).toBe(false);
  });
});

describe("holidays as written in the form", () => {
  test("one per line, a date and a name", () => {
    expect(parseHolidays("2026-12-25 Christmas Day\n\n2027-01-01")).toEqual([
      { date: "2026-12-25", name: "Christmas Day" },
      { date: "2027-01-01", name: "" },
    ]);
  });
  test("a line without a valid date is named", () => {
    expect(parseHolidays("2026-02-30 Nope")).toBe('"2026-02-30 Nope" does not start with a date YYYY-MM-DD');
  });
});

describe("expanding a schedule", () => {
  test("around the clock is one interval, not one per day", () => {
    const intervals = expandSchedule({ timeZone: "Europe/Berlin", weeklyHours: ALWAYS_OPEN, holidays: [] }, { fromYear: 2026, toYear: 2027 });
    expect(intervals).toHaveLength(1);
    expect(intervals[0]!.startAt.toISOString()).toBe("2025-12-31T23:00:00.000Z");
  });

  test("holidays are closed and the seconds before each interval add up", () => {
    const intervals = expandSchedule(
      { timeZone: "UTC", weeklyHours: OFFICE_HOURS, holidays: [{ date: "2026-01-02", name: "" }] },
      { fromYear: 2026, toYear: 2027 },
    );
    // 1 January 2026 is a Thursday; Friday the 2nd is a holiday; Monday the 5th is next.
    expect(intervals.slice(0, 2).map((i) => [i.startAt.toISOString(), i.secondsBefore])).toEqual([
      ["2026-01-01T09:00:00.000Z", 0],
      ["2026-01-05T09:00:00.000Z", 8 * 3600],
    ]);
    expect(intervals).toHaveLength(261 - 1);
  });
});
