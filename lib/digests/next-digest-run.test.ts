import { describe, expect, test } from "vitest";

import { nextDigestRun, type DigestSchedule } from "./next-digest-run";

const daily = (localTime: string): DigestSchedule => ({ frequency: "daily", weekday: null, localTime });
const weekly = (weekday: number, localTime: string): DigestSchedule => ({ frequency: "weekly", weekday, localTime });

/** Runs one after another from `start`, as the scheduler chains them. */
function runs(schedule: DigestSchedule, start: string, count: number, timeZone: string): string[] {
  const out: string[] = [];
  let at = new Date(start);
  for (let i = 0; i < count; i++) {
    at = nextDigestRun(schedule, at, timeZone);
    out.push(at.toISOString());
  }
  return out;
}

describe("nextDigestRun in Europe/Copenhagen (clocks change 28 March and 31 October 2027)", () => {
  const zone = "Europe/Copenhagen";

  test("a daily 08:00 digest stays at 08:00 local across spring forward: 23 hours between the two runs", () => {
    expect(runs(daily("08:00"), "2027-03-26T12:00:00Z", 4, zone)).toEqual([
      "2027-03-27T07:00:00.000Z", // 08:00 CET
      "2027-03-28T06:00:00.000Z", // 08:00 CEST
      "2027-03-29T06:00:00.000Z",
      "2027-03-30T06:00:00.000Z",
    ]);
  });

  test("and across fall back: 25 hours between the two runs", () => {
    expect(runs(daily("08:00"), "2027-10-29T12:00:00Z", 3, zone)).toEqual([
      "2027-10-30T06:00:00.000Z", // 08:00 CEST
      "2027-10-31T07:00:00.000Z", // 08:00 CET
      "2027-11-01T07:00:00.000Z",
    ]);
  });

  test("a 02:30 digest runs at 03:00 on the night 02:00–03:00 is skipped, and at 02:30 again the next day", () => {
    expect(runs(daily("02:30"), "2027-03-27T12:00:00Z", 2, zone)).toEqual([
      "2027-03-28T01:00:00.000Z", // the clock jumps from 02:00 CET to 03:00 CEST at 01:00Z
      "2027-03-29T00:30:00.000Z", // 02:30 CEST
    ]);
  });

  test("a 02:30 digest runs once on the night 02:00–03:00 happens twice: the first 02:30", () => {
    expect(runs(daily("02:30"), "2027-10-30T12:00:00Z", 2, zone)).toEqual([
      "2027-10-31T00:30:00.000Z", // 02:30 CEST, not also 02:30 CET an hour later
      "2027-11-01T01:30:00.000Z", // 02:30 CET
    ]);
  });

  test("the moment of a run is not itself the next run; just before it is", () => {
    expect(nextDigestRun(daily("08:00"), new Date("2027-03-29T06:00:00Z"), zone).toISOString()).toBe("2027-03-30T06:00:00.000Z");
    expect(nextDigestRun(daily("08:00"), new Date("2027-03-29T05:59:59.999Z"), zone).toISOString()).toBe("2027-03-29T06:00:00.000Z");
  });
});

describe("nextDigestRun in America/New_York (clocks change 14 March and 7 November 2027)", () => {
  const zone = "America/New_York";

  test("a daily 08:00 digest is at 08:00 local on both sides of each change", () => {
    expect(runs(daily("08:00"), "2027-03-13T00:00:00Z", 2, zone)).toEqual(["2027-03-13T13:00:00.000Z", "2027-03-14T12:00:00.000Z"]);
    expect(runs(daily("08:00"), "2027-11-06T00:00:00Z", 2, zone)).toEqual(["2027-11-06T12:00:00.000Z", "2027-11-07T13:00:00.000Z"]);
  });

  test("a 02:30 digest on the spring-forward day runs at 03:00 EDT", () => {
    expect(nextDigestRun(daily("02:30"), new Date("2027-03-13T12:00:00Z"), zone).toISOString()).toBe("2027-03-14T07:00:00.000Z");
  });

  test("a 01:30 digest on the fall-back day runs at the first 01:30 (EDT) only", () => {
    expect(runs(daily("01:30"), "2027-11-06T12:00:00Z", 2, zone)).toEqual(["2027-11-07T05:30:00.000Z", "2027-11-08T06:30:00.000Z"]);
  });

  test("a weekly Sunday digest across the spring change keeps its local time", () => {
    expect(runs(weekly(7, "18:00"), "2027-03-01T00:00:00Z", 3, zone)).toEqual([
      "2027-03-07T23:00:00.000Z", // 18:00 EST
      "2027-03-14T22:00:00.000Z", // 18:00 EDT
      "2027-03-21T22:00:00.000Z",
    ]);
  });
});

describe("weekly digests", () => {
  test("a Monday 09:00 digest across a month end, from a Monday after its time", () => {
    expect(runs(weekly(1, "09:00"), "2027-01-25T10:00:00Z", 3, "Europe/Copenhagen")).toEqual([
      "2027-02-01T08:00:00.000Z",
      "2027-02-08T08:00:00.000Z",
      "2027-02-15T08:00:00.000Z",
    ]);
  });

  test("later the same day when the time has not come yet; across a year end", () => {
    expect(nextDigestRun(weekly(5, "16:00"), new Date("2027-12-31T09:00:00Z"), "Europe/Copenhagen").toISOString()).toBe("2027-12-31T15:00:00.000Z");
    expect(nextDigestRun(weekly(5, "16:00"), new Date("2027-12-31T15:00:00Z"), "Europe/Copenhagen").toISOString()).toBe("2028-01-07T15:00:00.000Z");
  });

  test("a zone ahead of UTC: a local Monday that is still Sunday in UTC", () => {
    expect(nextDigestRun(weekly(1, "07:00"), new Date("2027-01-30T00:00:00Z"), "Pacific/Auckland").toISOString()).toBe("2027-01-31T18:00:00.000Z");
  });
});
