import { expect, test } from "vitest";

import { digestFilters, digestPeriod } from "./send-digest";

test("a daily digest reports the local day before its send, a weekly one the seven local days before", () => {
  // 00:30 on Tuesday 9 March in Copenhagen is still Monday 8 March in UTC.
  const at = new Date("2027-03-08T23:30:00Z");
  expect(digestPeriod("daily", at, "Europe/Copenhagen")).toEqual({ from: "2027-03-08", to: "2027-03-08" });
  expect(digestPeriod("daily", at, "UTC")).toEqual({ from: "2027-03-07", to: "2027-03-07" });
  expect(digestPeriod("weekly", at, "Europe/Copenhagen")).toEqual({ from: "2027-03-02", to: "2027-03-08" });
  // Across a month end.
  expect(digestPeriod("weekly", new Date("2027-03-02T08:00:00Z"), "UTC")).toEqual({ from: "2027-02-23", to: "2027-03-01" });
});

test("the stored team and channel filters keep, the period is the digest's own", () => {
  expect(digestFilters("team=billing&channel=email", "daily", new Date("2027-03-09T08:00:00Z"), "UTC")).toEqual({
    preset: null, range: { from: "2027-03-08", to: "2027-03-08" }, team: ["billing"], channel: ["email"], queue: [],
  });
  expect(digestFilters("channel=pigeon", "daily", new Date(), "UTC")).toBeNull();
});
