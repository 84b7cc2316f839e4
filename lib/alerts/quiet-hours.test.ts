import { describe, expect, test } from "vitest";

import { clockText, isQuietAt, minutesOfDay } from "./quiet-hours";

const NIGHT = { start: 22 * 60, end: 7 * 60, days: [] };

describe("isQuietAt", () => {
  test("a night across midnight, in the organisation's zone", () => {
    const zone = "America/New_York";
    // 2026-12-07 is a Monday; New York is UTC−5 in December.
    expect(isQuietAt(NIGHT, new Date("2026-12-08T02:59:00Z"), zone)).toBe(false); // 21:59
    expect(isQuietAt(NIGHT, new Date("2026-12-08T03:00:00Z"), zone)).toBe(true); // 22:00
    expect(isQuietAt(NIGHT, new Date("2026-12-08T11:59:00Z"), zone)).toBe(true); // 06:59
    expect(isQuietAt(NIGHT, new Date("2026-12-08T12:00:00Z"), zone)).toBe(false); // 07:00
  });

  test("the days are the days it begins on: Friday night reaches into Saturday morning", () => {
    const friday = { ...NIGHT, days: [5] };
    expect(isQuietAt(friday, new Date("2026-12-11T23:00:00Z"), "UTC")).toBe(true); // Fri 23:00
    expect(isQuietAt(friday, new Date("2026-12-12T06:00:00Z"), "UTC")).toBe(true); // Sat 06:00
    expect(isQuietAt(friday, new Date("2026-12-12T23:00:00Z"), "UTC")).toBe(false); // Sat 23:00
    expect(isQuietAt(friday, new Date("2026-12-11T06:00:00Z"), "UTC")).toBe(false); // Fri 06:00 (Thursday's night)
  });

  test("DST days keep the local times: Berlin's spring-forward and autumn nights", () => {
    const zone = "Europe/Berlin";
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST. 22:00 Saturday is 21:00Z, 07:00 Sunday is 05:00Z.
    expect(isQuietAt(NIGHT, new Date("2026-03-28T20:59:00Z"), zone)).toBe(false);
    expect(isQuietAt(NIGHT, new Date("2026-03-28T21:00:00Z"), zone)).toBe(true);
    expect(isQuietAt(NIGHT, new Date("2026-03-29T04:59:00Z"), zone)).toBe(true);
    expect(isQuietAt(NIGHT, new Date("2026-03-29T05:00:00Z"), zone)).toBe(false);
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET; 07:00 Sunday is 06:00Z.
    expect(isQuietAt(NIGHT, new Date("2026-10-25T05:59:00Z"), zone)).toBe(true);
    expect(isQuietAt(NIGHT, new Date("2026-10-25T06:00:00Z"), zone)).toBe(false);
  });

  test("a daytime window, and none at all", () => {
    const lunch = { start: 12 * 60, end: 13 * 60, days: [1, 2, 3, 4, 5] };
    expect(isQuietAt(lunch, new Date("2026-12-07T12:30:00Z"), "UTC")).toBe(true);
    expect(isQuietAt(lunch, new Date("2026-12-06T12:30:00Z"), "UTC")).toBe(false); // Sunday
    expect(isQuietAt(null, new Date("2026-12-07T12:30:00Z"), "UTC")).toBe(false);
  });

  test("times as typed", () => {
    expect(minutesOfDay("22:00")).toBe(1320);
    expect(minutesOfDay("7:05")).toBe(425);
    expect(minutesOfDay("24:00")).toBeNull();
    expect(clockText(425)).toBe("07:05");
  });
});
