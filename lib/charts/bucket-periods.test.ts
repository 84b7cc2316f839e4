import { describe, expect, test } from "vitest";

import { bucketLabel, bucketPeriod, runningBucketIndex, splitRunningBucket } from "./bucket-periods";

const HOURS = ["2026-12-01T13:00:00+01:00", "2026-12-01T14:00:00+01:00", "2026-12-01T15:00:00+01:00"];

describe("runningBucketIndex", () => {
  test("the bucket holding now is running, including the last one", () => {
    expect(runningBucketIndex(HOURS, "hour", new Date("2026-12-01T13:20:00Z"))).toBe(1);
    expect(runningBucketIndex(HOURS, "hour", new Date("2026-12-01T14:59:59Z"))).toBe(2);
  });

  test("a finished window has no running bucket", () => {
    expect(runningBucketIndex(HOURS, "hour", new Date("2026-12-01T15:00:00Z"))).toBeNull();
    expect(runningBucketIndex(["2026-11-30T00:00:00+01:00"], "day", new Date("2026-12-01T00:00:00Z"))).toBeNull();
  });

  test("today's daily bucket runs until midnight", () => {
    expect(runningBucketIndex(["2026-11-30T00:00:00+01:00", "2026-12-01T00:00:00+01:00"], "day", new Date("2026-12-01T22:00:00Z"))).toBe(1);
  });
});

describe("splitRunningBucket", () => {
  test("the running bucket leaves the settled line and joins it dashed from the last finished bucket", () => {
    expect(splitRunningBucket([10, 12, 3], 2)).toEqual({ settled: [10, 12, null], running: [null, 12, 3] });
  });

  test("with nothing running the line is whole", () => {
    expect(splitRunningBucket([10, 12, 14], null)).toEqual({ settled: [10, 12, 14], running: [null, null, null] });
  });

  test("a first bucket still running has no settled part", () => {
    expect(splitRunningBucket([4], 0)).toEqual({ settled: [null], running: [4] });
  });
});

describe("bucket labels", () => {
  test("a tooltip names the bucket's period in its own local time", () => {
    expect(bucketPeriod(HOURS[1]!, "hour", HOURS[2])).toBe("Tue 1 Dec, 14:00–15:00");
    expect(bucketPeriod(HOURS[2]!, "hour")).toBe("Tue 1 Dec, 15:00–16:00");
    expect(bucketPeriod("2026-12-01T00:00:00+01:00", "day")).toBe("Tue 1 Dec");
    expect(bucketPeriod("2026-11-30T00:00:00+01:00", "week")).toBe("Week of Mon 30 Nov");
  });

  test("axis labels are short", () => {
    expect(bucketLabel(HOURS[0]!, "hour")).toBe("13:00");
    expect(bucketLabel("2026-11-30T00:00:00+01:00", "day")).toBe("30 Nov");
  });
});
