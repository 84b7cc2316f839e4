import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import {
  DISTINCT_SKETCH_REGISTERS, DISTINCT_SKETCH_STANDARD_ERROR, distinctRegisterSql, emptyDistinctSketch, estimateDistinct, mergeDense, mergeSparse,
} from "./distinct-sketch";

interface RegisterRow {
  r: number;
  k: number;
}

describeEachDatabase("distinct-count sketches", ({ db }) => {
  const prisma = () => db().prisma;
  const VALUE = distinctRegisterSql(Prisma.sql`'visitor-' || i`);

  /** The sketch of the values 'visitor-1' … 'visitor-n', built by the database as the rollups build it. */
  async function sketchOf(first: number, last: number) {
    const rows = await prisma().$queryRaw<RegisterRow[]>`
      SELECT r, max(k) AS k FROM (SELECT ${VALUE.register} AS r, ${VALUE.rank} AS k FROM generate_series(${first}::int, ${last}::int) AS i) v GROUP BY r`;
    const sketch = emptyDistinctSketch();
    mergeSparse(sketch, rows.map((row) => row.r), rows.map((row) => row.k));
    return { sketch, rows };
  }

  test("registers and ranks are in range, and the estimate is within three standard errors at every size", async () => {
    for (const n of [1, 10, 100, 1_000, 10_000, 100_000, 300_000]) {
      const { sketch, rows } = await sketchOf(1, n);
      for (const row of rows) {
        expect(row.r).toBeGreaterThanOrEqual(0);
        expect(row.r).toBeLessThan(DISTINCT_SKETCH_REGISTERS);
        expect(row.k).toBeGreaterThanOrEqual(1);
        expect(row.k).toBeLessThanOrEqual(51);
      }
      const error = Math.abs(estimateDistinct(sketch) - n) / n;
      expect(error, `${n} distinct values`).toBeLessThanOrEqual(3 * DISTINCT_SKETCH_STANDARD_ERROR);
    }
  }, 120_000);

  test("a sketch merged from parts is the sketch of the whole, and repeats count once", async () => {
    const whole = (await sketchOf(1, 30_000)).sketch;
    const merged = emptyDistinctSketch();
    for (const [first, last] of [[1, 12_000], [9_000, 20_000], [20_001, 30_000], [1, 500]] as const) mergeDense(merged, (await sketchOf(first, last)).sketch);
    expect(Buffer.from(merged).equals(Buffer.from(whole))).toBe(true);
  }, 60_000);

  test("the hash is Postgres's own and the same on both databases", async () => {
    // Pinned: a sketch built on one database merges with one built on the other.
    const rows = await prisma().$queryRaw<RegisterRow[]>`
      SELECT ${VALUE.register} AS r, ${VALUE.rank} AS k FROM generate_series(1, 5) AS i ORDER BY i`;
    expect(rows).toEqual([{ r: 6845, k: 4 }, { r: 8299, k: 1 }, { r: 16121, k: 4 }, { r: 2092, k: 3 }, { r: 7665, k: 1 }]);
  });
});

describe("the estimator", () => {
  test("an empty sketch is zero; merging is commutative and idempotent", () => {
    expect(estimateDistinct(emptyDistinctSketch())).toBe(0);
    const sparse = fc.array(fc.tuple(fc.integer({ min: 0, max: DISTINCT_SKETCH_REGISTERS - 1 }), fc.integer({ min: 1, max: 51 })), { maxLength: 200 });
    fc.assert(fc.property(sparse, sparse, (a, b) => {
      const ab = emptyDistinctSketch();
      mergeSparse(ab, a.map(([r]) => r), a.map(([, k]) => k));
      mergeSparse(ab, b.map(([r]) => r), b.map(([, k]) => k));
      const ba = emptyDistinctSketch();
      mergeSparse(ba, b.map(([r]) => r), b.map(([, k]) => k));
      mergeSparse(ba, a.map(([r]) => r), a.map(([, k]) => k));
      const again = ab.slice();
      mergeDense(again, ab);
      // Compared as bytes: a deep equality walks 16,384 elements one by one.
      expect(Buffer.from(ba).equals(Buffer.from(ab))).toBe(true);
      expect(Buffer.from(again).equals(Buffer.from(ab))).toBe(true);
    }), { numRuns: 50 });
  });

  test("a dense sketch of the wrong size is refused", () => {
    expect(() => mergeDense(emptyDistinctSketch(), new Uint8Array(10))).toThrow(/16384 registers/);
  });
});
