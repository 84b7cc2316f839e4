import { describe, expect, test } from "vitest";

import { comparisonWindow, presetWindow, previousPeriod, timeBuckets } from "./time-windows";

const iso = (d: Date) => d.toISOString();

describe("presets in the organisation's time zone", () => {
  const now = new Date("2026-03-11T15:00:00Z"); // a Wednesday
  test("today, yesterday, last 7 and 30 days (including today), this week from Monday, this month", () => {
    const w = (p: Parameters<typeof presetWindow>[0]) => {
      const { from, to } = presetWindow(p, now, "Europe/Berlin");
      return [iso(from), iso(to)];
    };
    expect(w("today")).toEqual(["2026-03-10T23:00:00.000Z", "2026-03-11T23:00:00.000Z"]);
    expect(w("yesterday")).toEqual(["2026-03-09T23:00:00.000Z", "2026-03-10T23:00:00.000Z"]);
    expect(w("last_7_days")).toEqual(["2026-03-04T23:00:00.000Z", "2026-03-11T23:00:00.000Z"]);
    expect(w("last_30_days")[0]).toBe("2026-02-09T23:00:00.000Z");
    expect(w("this_week")).toEqual(["2026-03-08T23:00:00.000Z", "2026-03-15T23:00:00.000Z"]);
    // March in Berlin runs across the DST change: 31 days less one hour.
    expect(w("this_month")).toEqual(["2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z"]);
  });

  test("today in a half-hour zone and across a 23-hour DST day", () => {
    expect(presetWindow("today", new Date("2026-06-01T20:00:00Z"), "Asia/Kolkata")).toEqual({
      from: new Date("2026-06-01T18:30:00Z"),
      to: new Date("2026-06-02T18:30:00Z"),
    });
    expect(presetWindow("today", new Date("2026-03-29T10:00:00Z"), "Europe/Berlin")).toEqual({
      from: new Date("2026-03-28T23:00:00Z"),
      to: new Date("2026-03-29T22:00:00Z"),
    });
  });

  test("the previous period of whole days is the same number of local days earlier, even across DST", () => {
    const week = presetWindow("last_7_days", now, "UTC");
    const previous = previousPeriod(week, "UTC");
    expect(iso(previous.to)).toBe(iso(week.from));
    expect(previous.to.getTime() - previous.from.getTime()).toBe(week.to.getTime() - week.from.getTime());
    // Berlin's 23-hour spring-forward day: yesterday is a whole 24-hour day, not the last 23 hours.
    const dstDay = presetWindow("today", new Date("2026-03-29T10:00:00Z"), "Europe/Berlin");
    expect(previousPeriod(dstDay, "Europe/Berlin")).toEqual({ from: new Date("2026-03-27T23:00:00Z"), to: new Date("2026-03-28T23:00:00Z") });
  });

  test("a month-aligned window moves back whole months", () => {
    const march = presetWindow("this_month", new Date("2026-03-15T12:00:00Z"), "America/New_York");
    expect(previousPeriod(march, "America/New_York")).toEqual({ from: new Date("2026-02-01T05:00:00Z"), to: new Date("2026-03-01T05:00:00Z") });
    // Cut at the same local moment: March 31 so far meets February up to its last day, not March 3.
    expect(comparisonWindow(march, new Date("2026-03-31T16:00:00Z"), "America/New_York")).toEqual({
      from: new Date("2026-02-01T05:00:00Z"),
      to: new Date("2026-02-28T17:00:00Z"),
    });
  });

  test("today so far is compared with yesterday up to the same local time", () => {
    const today = presetWindow("today", new Date("2026-11-22T10:30:00Z"), "UTC");
    expect(comparisonWindow(today, new Date("2026-11-22T10:30:00Z"), "UTC")).toEqual({
      from: new Date("2026-11-21T00:00:00Z"),
      to: new Date("2026-11-21T10:30:00Z"),
    });
    // The day after New York's fall-back: 09:00 local today meets 09:00 local yesterday (hour 9 with hour 9).
    const ny = presetWindow("today", new Date("2026-11-02T14:00:00Z"), "America/New_York");
    expect(comparisonWindow(ny, new Date("2026-11-02T14:00:00Z"), "America/New_York")).toEqual({
      from: new Date("2026-11-01T04:00:00Z"),
      to: new Date("2026-11-01T14:00:00Z"),
    });
    // A window that has ended meets the whole previous period; one not started yet a sliver of it.
    expect(comparisonWindow(today, new Date("2026-12-01T00:00:00Z"), "UTC")).toEqual({ from: new Date("2026-11-21T00:00:00Z"), to: today.from });
    expect(comparisonWindow(today, new Date("2026-11-01T00:00:00Z"), "UTC")).toEqual({
      from: new Date("2026-11-21T00:00:00Z"),
      to: new Date("2026-11-21T00:00:00.001Z"),
    });
  });

  test("a window that is not whole days moves back by its exact length", () => {
    const window = { from: new Date("2026-11-22T09:15:00Z"), to: new Date("2026-11-22T11:15:00Z") };
    expect(previousPeriod(window, "Europe/Berlin")).toEqual({ from: new Date("2026-11-22T07:15:00Z"), to: window.from });
  });
});

describe("time buckets", () => {
  test("daily buckets across the spring-forward change in America/New_York: a 23-hour day", () => {
    const buckets = timeBuckets(
      { from: new Date("2026-03-07T05:00:00Z"), to: new Date("2026-03-10T04:00:00Z") },
      "day",
      "America/New_York",
    );
    expect(buckets.map((b) => b.key)).toEqual(["2026-03-07T00:00:00-05:00", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00"]);
    expect(buckets.map((b) => (b.end.getTime() - b.start.getTime()) / 3_600_000)).toEqual([24, 23, 24]);
  });

  test("daily buckets across the fall-back change in Europe/Berlin: a 25-hour day", () => {
    const buckets = timeBuckets({ from: new Date("2026-10-24T22:00:00Z"), to: new Date("2026-10-26T23:00:00Z") }, "day", "Europe/Berlin");
    expect(buckets.map((b) => b.key)).toEqual(["2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00"]);
    expect((buckets[0]!.end.getTime() - buckets[0]!.start.getTime()) / 3_600_000).toBe(25);
  });

  test("hourly buckets in a half-hour zone start at local hours", () => {
    const buckets = timeBuckets({ from: new Date("2026-06-01T18:30:00Z"), to: new Date("2026-06-01T21:30:00Z") }, "hour", "Asia/Kolkata");
    expect(buckets.map((b) => b.key)).toEqual(["2026-06-02T00:00:00+05:30", "2026-06-02T01:00:00+05:30", "2026-06-02T02:00:00+05:30"]);
  });

  test("weeks start on Monday and months on the 1st, local time", () => {
    const window = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-15T00:00:00Z") };
    expect(timeBuckets(window, "week", "UTC")[0]!.key).toBe("2026-02-23T00:00:00Z");
    expect(timeBuckets(window, "month", "UTC").map((b) => b.key)).toEqual(["2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"]);
  });

  test("refuses an unreasonable number of buckets", () => {
    expect(() => timeBuckets({ from: new Date("2020-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") }, "hour", "UTC")).toThrow(
      RangeError,
    );
  });
});
