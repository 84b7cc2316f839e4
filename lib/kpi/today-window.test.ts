import { expect, test } from "vitest";

import { todayWindow } from "./today-window";

test("today's window follows the time zone's midnight, including a 23-hour DST day", () => {
  expect(todayWindow(new Date("2026-03-29T10:00:00Z"), "Europe/Berlin")).toEqual({
    from: new Date("2026-03-28T23:00:00Z"),
    to: new Date("2026-03-29T22:00:00Z"),
  });
  expect(todayWindow(new Date("2026-01-10T02:00:00Z"), "America/New_York").from).toEqual(new Date("2026-01-09T05:00:00Z"));
  // A half-hour zone.
  expect(todayWindow(new Date("2026-06-01T20:00:00Z"), "Asia/Kolkata")).toEqual({
    from: new Date("2026-06-01T18:30:00Z"),
    to: new Date("2026-06-02T18:30:00Z"),
  });
});
