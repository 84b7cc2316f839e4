import { describe, expect, test } from "vitest";

import { axisScale, formatTick } from "./axis-ticks";

describe("axisScale", () => {
  test("durations step in the units people count in, never 27.8h", () => {
    // The axis: a maximum near 27.8 hours.
    const { ticks } = axisScale([0, 100_000], "seconds");
    expect(ticks.map((t) => formatTick(t, "seconds"))).toEqual(["0", "12h", "24h", "36h"]);
    expect(axisScale([0, 5_000], "seconds").ticks).toEqual([0, 1800, 3600, 5400]);
    expect(axisScale([0, 40 * 60], "seconds").ticks).toEqual([0, 600, 1200, 1800, 2400]);
    expect(axisScale([0, 40 * 60], "seconds", 4).ticks).toEqual([0, 900, 1800, 2700]);
    expect(axisScale([0, 50], "seconds").ticks).toEqual([0, 15, 30, 45, 60]);
  });

  test("percentages step by 10, 20 or 25 and stop at the data's round top", () => {
    expect(axisScale([81.6, 96], "percent").ticks).toEqual([0, 25, 50, 75, 100]);
    expect(axisScale([12, 38], "percent").ticks).toEqual([0, 10, 20, 30, 40]);
    expect(axisScale([3, 7.5], "percent").ticks).toEqual([0, 2, 4, 6, 8]);
  });

  test("counts step by 1, 2 or 5 times a power of ten, whole numbers only", () => {
    expect(axisScale([0, 3], "count").ticks).toEqual([0, 1, 2, 3]);
    expect(axisScale([0, 137], "count").ticks).toEqual([0, 50, 100, 150]);
    expect(axisScale([0, 1_840], "count").ticks).toEqual([0, 500, 1000, 1500, 2000]);
    expect(axisScale([0, 0.4], "count").ticks).toEqual([0, 1]);
  });

  test("fewer ticks when fewer fit, as on a wall screen", () => {
    expect(axisScale([0, 137], "count", 3).ticks).toEqual([0, 100, 200]);
    expect(axisScale([0, 5_000], "seconds", 3).ticks).toEqual([0, 3600, 7200]);
  });

  test("scores keep decimals and negative values extend the axis below zero", () => {
    expect(axisScale([3.2, 4.6], "score").ticks).toEqual([0, 2, 4, 6]);
    expect(axisScale([-30, 45], "score").ticks).toEqual([-50, 0, 50]);
  });

  test("no data still gives an axis", () => {
    expect(axisScale([null, null], "count")).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  test("the domain is the first and last tick, so the top line is a labelled one", () => {
    expect(axisScale([0, 137], "count").domain).toEqual([0, 150]);
  });
});

describe("formatTick", () => {
  test("durations read as hours and minutes", () => {
    expect(formatTick(5400, "seconds")).toBe("1h 30m");
    expect(formatTick(900, "seconds")).toBe("15m");
    expect(formatTick(7200, "seconds")).toBe("2h");
    expect(formatTick(172_800, "seconds")).toBe("2d");
    expect(formatTick(30, "seconds")).toBe("30s");
  });
});
