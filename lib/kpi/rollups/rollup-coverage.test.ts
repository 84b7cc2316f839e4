import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { timeBuckets } from "../time-windows";
import { HOUR_MS, planCoverage, rollupDays, type RollupState, type TimeRanges } from "./rollup-coverage";

const at = (iso: string) => new Date(iso);
const state = (rolledUntil: string | null, dayTimeZone: string | null = "UTC", dirty: string[] = []): RollupState => ({
  rolledUntil: rolledUntil ? at(rolledUntil) : null, serviceLevelSeconds: 20, dayTimeZone, dirtyHours: dirty.map(at),
});
const pairs = (r: TimeRanges) => r.starts.map((s, i) => [s, r.ends[i]]);
const window = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe("planCoverage", () => {
  test("reads everything raw until a family is rolled up past the window's start", () => {
    const w = window("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z");
    for (const s of [undefined, state(null), state("2026-04-30T00:00:00Z"), state("2026-05-01T00:00:00Z")]) {
      expect(planCoverage(w, s, [], true)).toEqual({
        days: { starts: [], ends: [] }, hours: { starts: [], ends: [] },
        raw: { starts: ["2026-05-01T00:00:00.000Z"], ends: ["2026-05-03T00:00:00.000Z"] },
      });
    }
  });

  test("whole clean days from the daily rollup, ragged edges hour by hour, the unrolled tail raw", () => {
    const c = planCoverage(window("2026-05-01T10:30:00Z", "2026-05-04T12:00:00Z"), state("2026-05-04T05:00:00Z"), [], true);
    expect(pairs(c.raw)).toEqual([
      ["2026-05-01T10:30:00.000Z", "2026-05-01T11:00:00.000Z"],
      ["2026-05-04T05:00:00.000Z", "2026-05-04T12:00:00.000Z"],
    ]);
    expect(pairs(c.hours)).toEqual([
      ["2026-05-01T11:00:00.000Z", "2026-05-02T00:00:00.000Z"],
      ["2026-05-04T00:00:00.000Z", "2026-05-04T05:00:00.000Z"],
    ]);
    expect(pairs(c.days)).toEqual([["2026-05-02T00:00:00.000Z", "2026-05-04T00:00:00.000Z"]]);
  });

  test("a changed hour is read raw and keeps its day off the daily rollup", () => {
    const c = planCoverage(window("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z"), state("2026-06-01T00:00:00Z", "UTC", ["2026-05-02T07:00:00Z"]), [], true);
    expect(pairs(c.days)).toEqual([["2026-05-01T00:00:00.000Z", "2026-05-02T00:00:00.000Z"]]);
    expect(pairs(c.hours)).toEqual([
      ["2026-05-02T00:00:00.000Z", "2026-05-02T07:00:00.000Z"],
      ["2026-05-02T08:00:00.000Z", "2026-05-03T00:00:00.000Z"],
    ]);
    expect(pairs(c.raw)).toEqual([["2026-05-02T07:00:00.000Z", "2026-05-02T08:00:00.000Z"]]);
  });

  test("without the daily rollup (a dimension it lacks), whole hours only", () => {
    const c = planCoverage(window("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z"), state("2026-06-01T00:00:00Z"), [], false);
    expect(pairs(c.hours)).toEqual([["2026-05-01T00:00:00.000Z", "2026-05-03T00:00:00.000Z"]]);
    expect(c.days.starts).toEqual([]);
  });

  test("days are the local days of the rollup's time zone, 23 hours long on the spring DST day", () => {
    const c = planCoverage(window("2026-03-28T23:00:00Z", "2026-03-30T22:00:00Z"), state("2026-06-01T00:00:00Z", "Europe/Berlin"), [], true);
    expect(pairs(c.days)).toEqual([["2026-03-28T23:00:00.000Z", "2026-03-30T22:00:00.000Z"]]);
    expect(rollupDays(window("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"), "Europe/Berlin")).toEqual([[Date.parse("2026-03-28T23:00:00Z"), Date.parse("2026-03-29T22:00:00Z")]]);
  });

  test("a half-hour zone: no day is made of whole hours, and hours its bucket boundaries cut are read raw", () => {
    const w = window("2026-05-01T18:30:00Z", "2026-05-03T18:30:00Z");
    expect(rollupDays(w, "Asia/Kolkata")).toEqual([]);
    const buckets = timeBuckets(w, "day", "Asia/Kolkata").map((b) => b.start);
    const c = planCoverage(w, state("2026-06-01T00:00:00Z", "Asia/Kolkata"), buckets, true);
    expect(c.days.starts).toEqual([]);
    expect(pairs(c.raw)).toEqual([
      ["2026-05-01T18:30:00.000Z", "2026-05-01T19:00:00.000Z"],
      ["2026-05-02T18:00:00.000Z", "2026-05-02T19:00:00.000Z"],
      ["2026-05-03T18:00:00.000Z", "2026-05-03T18:30:00.000Z"],
    ]);
  });

  test("a bucket boundary inside a day keeps that day off the daily rollup; one at its edges does not", () => {
    const w = window("2026-05-01T00:00:00Z", "2026-05-03T00:00:00Z");
    const c = planCoverage(w, state("2026-06-01T00:00:00Z"), [at("2026-05-01T00:00:00Z"), at("2026-05-02T00:00:00Z"), at("2026-05-02T12:00:00Z")], true);
    expect(pairs(c.days)).toEqual([["2026-05-01T00:00:00.000Z", "2026-05-02T00:00:00.000Z"]]);
    expect(pairs(c.hours)).toEqual([["2026-05-02T00:00:00.000Z", "2026-05-03T00:00:00.000Z"]]);
  });

  test("property: days, hours and raw cover the window exactly once, the rollups only where clean", () => {
    const BASE = Date.parse("2026-03-27T00:00:00Z");
    const quarter = (n: number) => BASE + n * 15 * 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.option(fc.integer({ min: 0, max: 1000 })),
        fc.array(fc.integer({ min: 0, max: 250 }), { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", null), fc.boolean(),
        (start, length, until, dirtyHours, cuts, zone, useDays) => {
          const from = quarter(start);
          const to = quarter(start + length);
          const dirty = dirtyHours.map((h) => BASE + h * HOUR_MS);
          const boundaries = cuts.map((q) => new Date(quarter(q)));
          const rolledUntil = until === null ? null : Math.floor(quarter(until) / HOUR_MS) * HOUR_MS;
          const s: RollupState = { rolledUntil: rolledUntil === null ? null : new Date(rolledUntil), serviceLevelSeconds: 20, dayTimeZone: zone, dirtyHours: dirty.map((d) => new Date(d)) };
          const c = planCoverage({ from: new Date(from), to: new Date(to) }, s, boundaries, useDays);
          const pieces = (r: TimeRanges) => r.starts.map((st, i): [number, number] => [Date.parse(st), Date.parse(r.ends[i]!)]);
          const all = [...pieces(c.days), ...pieces(c.hours), ...pieces(c.raw)].sort((a, b) => a[0] - b[0]);
          let cursor = from;
          for (const [a, b] of all) {
            expect(a).toBe(cursor);
            expect(b).toBeGreaterThan(a);
            cursor = b;
          }
          expect(cursor).toBe(to);
          for (const [a, b] of [...pieces(c.days), ...pieces(c.hours)]) {
            expect(a % HOUR_MS).toBe(0);
            expect(b % HOUR_MS).toBe(0);
            expect(b).toBeLessThanOrEqual(rolledUntil!);
            expect(dirty.some((d) => d >= a && d < b)).toBe(false);
            expect(boundaries.some((x) => x.getTime() > a && x.getTime() < b && x.getTime() % HOUR_MS !== 0)).toBe(false);
          }
          // Adjacent days merge into one range, so a cut may fall between two of them, never inside one.
          for (const [a, b] of pieces(c.days)) {
            expect(useDays && zone !== null).toBe(true);
            const daysOfRange = rollupDays({ from: new Date(a), to: new Date(b) }, zone!);
            expect(daysOfRange[0]![0]).toBe(a);
            expect(daysOfRange.at(-1)![1]).toBe(b);
            for (const [dayStart, dayEnd] of daysOfRange) {
              expect(boundaries.some((x) => x.getTime() > dayStart && x.getTime() < dayEnd)).toBe(false);
            }
          }
        },
      ),
      // The example: two adjacent Berlin days around the spring change, with a cut between them.
      { numRuns: 500, examples: [[0, 376, 376, [], [280], "Europe/Berlin", true]] },
    );
  });
});
