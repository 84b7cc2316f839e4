import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { daysHolding, rolledUpSpan } from "../rollups/rolled-up-sql";
import { hourOf, inRanges, toTimeRanges, type TimeRanges } from "../rollups/rollup-coverage";
import { sketchBucketSql } from "./sketch-buckets";
import type { SketchedFamily } from "./sketched-family";

type Tx = Pick<PrismaClient, "$executeRaw" | "$queryRaw">;

/**
 * Rebuilds the hourly sketches of `ranges` (whole hours) from the raw rows, with the hourly
 * rollup's rows: per measure and clock, for the organisation, per team and per channel.
 */
export async function rebuildSketchHours(tx: Tx, sketched: SketchedFamily, ranges: TimeRanges): Promise<void> {
  await tx.$executeRaw`DELETE FROM kpi_sketch_hourly s WHERE s.family = ${sketched.family} AND ${inRanges(Prisma.sql`s.hour`, ranges)}`;
  const values = sketched.valuesSql(ranges, Prisma.empty, sketched.clocks, hourOf);
  // GROUPING(team_id, channel): 3 the organisation, 1 per team, 2 per channel.
  await tx.$executeRaw`
    WITH counted AS (
      SELECT day AS hour, measure, team_id, channel, GROUPING(team_id, channel) AS level, bucket, count(*)::int AS n
      FROM (SELECT v.day, v.measure, v.team_id, v.channel, ${sketchBucketSql(Prisma.sql`v.s`)} AS bucket FROM (${values}) v WHERE v.s IS NOT NULL) b
      GROUP BY GROUPING SETS ((day, measure, bucket), (day, measure, team_id, bucket), (day, measure, channel, bucket))
    )
    INSERT INTO kpi_sketch_hourly (hour, family, measure, team_id, channel, buckets, counts)
    SELECT hour, ${sketched.family}, measure, team_id, channel, array_agg(bucket ORDER BY bucket), array_agg(n ORDER BY bucket)
    FROM counted
    WHERE level = 3 OR (level = 1 AND team_id IS NOT NULL) OR (level = 2 AND channel IS NOT NULL)
    GROUP BY hour, measure, level, team_id, channel`;
}

/**
 * Rebuilds the daily sketches of every local day of `timeZone` that `ranges` touch, merged from
 * their hours, with the daily rollup's rows: hours of a day not rolled up yet are missing from it,
 * which the refresh that rolls them up rebuilds, and no query reads before.
 */
export async function rebuildSketchDays(tx: Tx, sketched: SketchedFamily, ranges: TimeRanges, timeZone: string): Promise<void> {
  const days = daysHolding(ranges, timeZone);
  if (days.length === 0) return;
  const starts = days.map(([s]) => new Date(s).toISOString());
  const whole = toTimeRanges(days);
  await tx.$executeRaw`DELETE FROM kpi_sketch_daily s WHERE s.family = ${sketched.family} AND ${inRanges(Prisma.sql`s.day`, whole)}`;
  // The organisation's rows (no team, no channel), a team's and a channel's each group apart.
  await tx.$executeRaw`
    INSERT INTO kpi_sketch_daily (day, family, measure, team_id, channel, buckets, counts)
    SELECT day, ${sketched.family}, measure, team_id, channel, array_agg(bucket ORDER BY bucket), array_agg(n ORDER BY bucket)
    FROM (
      SELECT (${starts}::timestamptz[])[width_bucket(h.hour, ${starts}::timestamptz[])] AS day, h.measure, h.team_id, h.channel, b.bucket, sum(b.n)::int AS n
      FROM kpi_sketch_hourly h CROSS JOIN LATERAL unnest(h.buckets, h.counts) AS b(bucket, n)
      WHERE h.family = ${sketched.family} AND ${inRanges(Prisma.sql`h.hour`, whole)}
      GROUP BY 1, 2, 3, 4, 5
    ) merged
    GROUP BY day, measure, team_id, channel`;
}

/** Rebuilds every day's sketches from the hours: after the organisation's time zone changed. */
export async function rebuildAllSketchDays(tx: Tx, sketched: SketchedFamily, hourly: Prisma.Sql, timeZone: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM kpi_sketch_daily WHERE family = ${sketched.family}`;
  const span = await rolledUpSpan(tx, hourly);
  if (span) await rebuildSketchDays(tx, sketched, span, timeZone);
}
