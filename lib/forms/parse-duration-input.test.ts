import { describe, expect, it } from "vitest";
import { z } from "zod";

import { formatDurationShort } from "@/lib/kpi/format-kpi-value";

import { DURATION_INPUT_ERROR, formatDurationInput, parseDurationInput, ZDurationSeconds } from "./parse-duration-input";

describe("parseDurationInput", () => {
  it.each([
    ["1h 30m", 5400],
    ["90m", 5400],
    ["45s", 45],
    ["2h", 7200],
    ["1:30:00", 5400],
    ["0:00:45", 45],
    ["100:00:00", 360_000],
    ["90", 90],
    ["2d 4h", 187_200],
    ["1d 2h 3m 4s", 93_784],
    ["1h90m", 9000],
    ["1 h 30 m", 5400],
    ["1 hour 30 minutes", 5400],
    ["2 hrs 5 mins 10 secs", 7510],
    ["1H 30M", 5400],
    ["  1h 30m  ", 5400],
    ["1.5h", 5400],
    ["0.5m", 30],
    ["2.4", 2],
    ["0", 0],
    ["0s", 0],
    ["0h 0m", 0],
  ])("reads %j as %d seconds", (text, seconds) => {
    expect(parseDurationInput(text)).toBe(seconds);
  });

  it.each([
    "",
    "   ",
    "soon",
    "-5",
    "-5m",
    "1h -30m",
    "1,5h",
    "1e3",
    "30m 1h",
    "1h 2h",
    "1h 30",
    "5x",
    "1:30",
    "1:60:00",
    "1:30:00:00",
    "h",
    "1h and 30m",
    "99999999999999999999",
    "9999999999999d",
  ])("refuses %j", (text) => {
    expect(parseDurationInput(text)).toBeNull();
  });
});

describe("formatDurationInput", () => {
  it.each([
    [0, "0s"],
    [45, "45s"],
    [5400, "1h 30m"],
    [7200, "2h"],
    [187_200, "2d 4h"],
    [188_100, "2d 4h 15m"],
    [5415, "1h 30m 15s"],
  ])("writes %d seconds as %j", (seconds, text) => {
    expect(formatDurationInput(seconds)).toBe(text);
  });

  it("reads back what it writes, and agrees with the short format where that is exact", () => {
    for (const seconds of [0, 1, 59, 60, 61, 3599, 3600, 5400, 86_399, 86_400, 90 * 86_400, 188_100]) {
      expect(parseDurationInput(formatDurationInput(seconds))).toBe(seconds);
      const short = formatDurationShort(seconds);
      if (parseDurationInput(short) === seconds) expect(formatDurationInput(seconds)).toBe(short);
    }
  });
});

describe("ZDurationSeconds", () => {
  const schema = z.object({ target: ZDurationSeconds.pipe(z.number().min(60, "must be at least a minute")) });

  it("turns a typed duration or a number into seconds", () => {
    expect(schema.parse({ target: "1h 30m" })).toEqual({ target: 5400 });
    expect(schema.parse({ target: 120 })).toEqual({ target: 120 });
    expect(schema.parse({ target: 120.4 })).toEqual({ target: 120 });
    expect(schema.safeParse({ target: Number.NaN }).success).toBe(false);
  });

  it("names the field with the duration message when the text is not a duration", () => {
    const result = schema.safeParse({ target: "soon" });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ["target"], message: DURATION_INPUT_ERROR })]);
  });

  it("leaves the range to the schema it is piped into", () => {
    expect(schema.safeParse({ target: "30s" }).error!.issues[0]!.message).toBe("must be at least a minute");
  });
});
