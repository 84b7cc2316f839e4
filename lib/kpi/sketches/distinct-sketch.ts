import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Distinct counts that merge: a HyperLogLog sketch (Flajolet et al. 2007) of 2^14 registers, each
 * the highest rank seen among the values hashed to it. Two sketches merge register by register
 * (the larger rank wins), so an hour's, a day's and a window's edge values combine into the
 * window's sketch, whatever way the window is cut. Counted with Ertl's improved estimator
 * ("New cardinality estimation algorithms for HyperLogLog sketches", 2017), unbiased from the
 * first few values to billions without the classic small- and large-range corrections.
 */
export const DISTINCT_SKETCH_PRECISION = 14;
export const DISTINCT_SKETCH_REGISTERS = 1 << DISTINCT_SKETCH_PRECISION;
/** The estimator's relative standard error, 1.04 / √m: 0.81 % (documented in docs/kpi-engine.md). */
export const DISTINCT_SKETCH_STANDARD_ERROR = 1.04 / Math.sqrt(DISTINCT_SKETCH_REGISTERS);
/** The hash has 64 bits: 14 choose the register, the other 50 give the rank. */
const RANK_BITS = 64 - DISTINCT_SKETCH_PRECISION;

/**
 * Up to this many values a distinct count is exact (counted from the raw rows, which is then
 * cheap); beyond it, from the sketches.
 */
export const EXACT_DISTINCT_UP_TO = 10_000;

/**
 * The register of a text value (0 … 2^14 − 1) and its rank (1 … 51: one more than the leading
 * zeros of the other 50 hash bits), as SQL. hashtextextended is Postgres's own 64-bit hash, the
 * same on every platform and in PGlite, so sketches built anywhere merge.
 */
export function distinctRegisterSql(value: Prisma.Sql): { register: Prisma.Sql; rank: Prisma.Sql } {
  const hash = Prisma.sql`hashtextextended(${value}, 0)`;
  return {
    register: Prisma.sql`((${hash} >> ${RANK_BITS}::int) & ${DISTINCT_SKETCH_REGISTERS - 1}::bigint)::int`,
    rank: Prisma.sql`coalesce(nullif(position(B'1' IN substring(${hash}::bit(64) FROM ${DISTINCT_SKETCH_PRECISION + 1}::int)), 0), ${RANK_BITS + 1}::int)`,
  };
}

export type DistinctSketch = Uint8Array;

export const emptyDistinctSketch = (): DistinctSketch => new Uint8Array(DISTINCT_SKETCH_REGISTERS);

/** Merges a sparse sketch (registers and their ranks) into `into`. */
export function mergeSparse(into: DistinctSketch, registers: readonly number[], ranks: readonly number[]): void {
  registers.forEach((register, i) => {
    const rank = ranks[i]!;
    if (rank > into[register]!) into[register] = rank;
  });
}

/** Merges a dense sketch (one byte per register) into `into`. */
export function mergeDense(into: DistinctSketch, dense: Uint8Array): void {
  if (dense.length !== DISTINCT_SKETCH_REGISTERS) throw new Error(`a dense distinct sketch has ${DISTINCT_SKETCH_REGISTERS} registers, not ${dense.length}`);
  for (let i = 0; i < DISTINCT_SKETCH_REGISTERS; i++) if (dense[i]! > into[i]!) into[i] = dense[i]!;
}

/** The estimated number of distinct values a sketch has seen (Ertl 2017, algorithm 6). */
export function estimateDistinct(sketch: DistinctSketch): number {
  const m = DISTINCT_SKETCH_REGISTERS;
  const histogram = new Array<number>(RANK_BITS + 2).fill(0);
  for (const rank of sketch) histogram[rank]!++;
  if (histogram[0] === m) return 0;
  let z = m * tau(1 - histogram[RANK_BITS + 1]! / m);
  for (let k = RANK_BITS; k >= 1; k--) z = 0.5 * (z + histogram[k]!);
  z += m * sigma(histogram[0]! / m);
  return Math.round(m * m / (2 * Math.LN2 * z));
}

function sigma(x: number): number {
  if (x === 1) return Number.POSITIVE_INFINITY;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const previous = z;
    z += x * y;
    y += y;
    if (z === previous) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const previous = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
    if (z === previous) return z / 3;
  }
}
