import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { DIMENSIONS } from "../dimensions";
import { filterConditions, type KpiFilters, type KpiQuery } from "../kpi-query";
import { num } from "../kpi-result";
import { usableRollup } from "../rollups/rolled-up-sql";
import { inRanges, planCoverage, wholeWindow, type RollupState, type TimeRanges } from "../rollups/rollup-coverage";
import { sketchBucketSql, sketchValue } from "./sketch-buckets";
import { sketchMeasure, type SketchedFamily } from "./sketched-family";

/**
 * Up to this many values a measure's median and p90 are computed exactly from the raw rows, which
 * is then cheap; beyond it they are read from the sketches (within SKETCH_RELATIVE_ACCURACY).
 */
export const EXACT_PERCENTILES_UP_TO = 10_000;

/** A duration measure's median and p90, and how they were found. */
export interface Spread {
  median: number | null;
  p90: number | null;
  percentiles: "exact" | "approximate";
}

/** Arrays as their text form ("{1,2,3}"): a driver decodes an int[] element by element, far slower than a split. */
interface CountsRow {
  measure: string;
  buckets: string;
  counts: string;
}

/**
 * The median and p90 of each of the family's measures over the query's window and filters, on its
 * clock, by measure name. Whole clean local days and hours come from the daily and hourly
 * sketches, as the rollups cover a window (the organisation's, one team's or one channel's,
 * whichever the filters ask for; other filters read raw), the rest of the window from its raw
 * values bucketed alike, so a window's numbers are those of bucketing all its raw values. Then those measures with at most `exactUpTo` values are
 * computed exactly from the raw rows instead. Both follow percentile_cont: the value at rank
 * p·(n − 1), interpolated between its neighbours. Null for a grouped query: a breakdown shows means.
 */
export async function durationPercentiles(
  prisma: PrismaClient,
  q: KpiQuery,
  sketched: SketchedFamily,
  state: RollupState | undefined,
  where: Prisma.Sql,
): Promise<Map<string, Spread> | null> {
  if (q.percentiles === false || q.grouping.by !== "none") return null;
  const clock = sketched.clocks.includes(q.hours ?? "calendar") ? (q.hours ?? "calendar") : "calendar";
  const measures = sketched.names.map((name) => sketchMeasure(name, clock));
  const level = sketchLevel(q.filters, sketched);
  const coverage = planCoverage(q, level ? usableRollup(state, clock) : undefined, [], true);
  const sketches = (table: Prisma.Sql, column: Prisma.Sql, ranges: TimeRanges) => Prisma.sql`
    SELECT s.measure, s.buckets::text AS buckets, s.counts::text AS counts
    FROM ${table} s
    WHERE s.measure = ANY(${measures}::text[]) AND ${inRanges(Prisma.sql`s.${column}`, ranges)} AND ${level ?? Prisma.sql`false`}`;
  // The days' and hours' sketches as stored, and the edges' values bucketed alike: merged here, a
  // few thousand additions, rather than unnested and sorted by the database.
  const rows = await prisma.$queryRaw<CountsRow[]>`
    ${sketches(Prisma.sql`kpi_sketch_daily`, Prisma.sql`day`, coverage.days)}
    UNION ALL
    ${sketches(Prisma.sql`kpi_sketch_hourly`, Prisma.sql`hour`, coverage.hours)}
    UNION ALL
    SELECT measure, array_agg(bucket ORDER BY bucket)::text, array_agg(n ORDER BY bucket)::text FROM (
      SELECT v.measure, ${sketchBucketSql(Prisma.sql`v.s`)} AS bucket, count(*)::int AS n
      FROM (${sketched.valuesSql(coverage.raw, where, [clock])}) v WHERE v.s IS NOT NULL GROUP BY 1, 2
    ) edges GROUP BY measure`;
  const spreads = new Map<string, Spread>(sketched.names.map((name) => [name, { median: null, p90: null, percentiles: "exact" }]));
  const exact: string[] = [];
  sketched.names.forEach((name, i) => {
    const merged = mergedCounts(rows.filter((r) => r.measure === measures[i]));
    if (merged.total === 0) return;
    if (merged.total <= (q.exactPercentilesUpTo ?? EXACT_PERCENTILES_UP_TO)) exact.push(measures[i]!);
    else spreads.set(name, { median: quantile(merged, 0.5), p90: quantile(merged, 0.9), percentiles: "approximate" });
  });
  if (exact.length > 0) {
    const exactRows = await prisma.$queryRaw<{ measure: string; median: unknown; p90: unknown }[]>`
      SELECT v.measure, percentile_cont(0.5) WITHIN GROUP (ORDER BY v.s) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY v.s) AS p90
      FROM (${sketched.valuesSql(wholeWindow(q.from, q.to), where, [clock])}) v
      WHERE v.s IS NOT NULL AND v.measure = ANY(${exact}::text[]) GROUP BY v.measure`;
    for (const row of exactRows) {
      spreads.set(sketched.names[measures.indexOf(row.measure)]!, { median: num(row.median), p90: num(row.p90), percentiles: "exact" });
    }
  }
  return spreads;
}

/**
 * Which daily sketches serve the filters, as a condition on `kpi_sketch_daily s`: the
 * organisation's without filters, the teams' for a filter on teams alone, the channels' for one on
 * channels alone; null for any other (an agent, a queue, two dimensions), which reads raw.
 */
function sketchLevel(filters: KpiFilters, sketched: SketchedFamily): Prisma.Sql | null {
  const used = DIMENSIONS.filter((d) => d in filters && filters[d as keyof KpiFilters].length > 0);
  if (used.length === 0) return Prisma.sql`s.team_id IS NULL AND s.channel IS NULL`;
  if (used.length > 1) return null;
  if (used[0] === "team" && sketched.levels.team) return Prisma.sql`s.team_id IS NOT NULL ${filterConditions(filters, { team: Prisma.sql`s.team_id` })}`;
  if (used[0] === "channel" && sketched.levels.channel) return Prisma.sql`s.channel IS NOT NULL ${filterConditions(filters, { channel: Prisma.sql`s.channel` })}`;
  return null;
}

interface Merged {
  /** Ascending. */
  buckets: number[];
  /** Values in each bucket and all before it. */
  upto: number[];
  total: number;
}

function mergedCounts(rows: CountsRow[]): Merged {
  const counts = new Map<number, number>();
  const numbers = (text: string) => text.slice(1, -1).split(",").map(Number);
  for (const row of rows) {
    const n = numbers(row.counts);
    numbers(row.buckets).forEach((b, i) => counts.set(b, (counts.get(b) ?? 0) + n[i]!));
  }
  const buckets = [...counts.keys()].sort((a, b) => a - b);
  let total = 0;
  const upto = buckets.map((b) => (total += counts.get(b)!));
  return { buckets, upto, total };
}

/** As percentile_cont: the value at rank p·(n − 1) (from 0), interpolated between its neighbours. */
function quantile(m: Merged, p: number): number {
  const h = p * (m.total - 1);
  const at = (rank: number) => {
    let lo = 0;
    let hi = m.upto.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m.upto[mid]! > rank) hi = mid;
      else lo = mid + 1;
    }
    return sketchValue(m.buckets[lo]!);
  };
  const below = at(Math.floor(h));
  return below + (h - Math.floor(h)) * (at(Math.ceil(h)) - below);
}
