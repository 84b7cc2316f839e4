import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The relative accuracy of a sketched median or p90: within 0.5 % of the exact value (for
 * durations of one sign, which durations are). A value x > 0 is counted in bucket
 * ⌈log_γ x⌉ with γ = (1 + α) / (1 − α) and read back as 2γ^i / (γ + 1), the point of the bucket
 * (γ^(i−1), γ^i] at most α away from any value in it, relatively (DDSketch, Masson et al. 2019).
 */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
// Buckets of positive values are shifted up by this (negative ones down, zero is bucket 0), so
// that one integer orders every bucket as its values: from about 1e-44 s up, which no duration undercuts.
const OFFSET = 10_000;

const lnGamma = Prisma.sql`ln(${GAMMA}::float8)`;

/** The bucket of a float8 duration `s`. The one definition both the sketches and the raw edges of a window use. */
export function sketchBucketSql(s: Prisma.Sql): Prisma.Sql {
  const index = (x: Prisma.Sql) => Prisma.sql`(${OFFSET}::int + greatest(ceil(ln(${x}) / ${lnGamma}), ${1 - OFFSET}::float8)::int)`;
  return Prisma.sql`(CASE WHEN ${s} > 0 THEN ${index(s)} WHEN ${s} < 0 THEN -${index(Prisma.sql`-(${s})`)} ELSE 0 END)`;
}

/** The value a bucket stands for. */
export function sketchValue(bucket: number): number {
  if (bucket === 0) return 0;
  const value = (GAMMA ** (Math.abs(bucket) - OFFSET) * 2) / (1 + GAMMA);
  return bucket > 0 ? value : -value;
}
