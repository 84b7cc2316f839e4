import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import {
  assembleGroups, filterConditions, measureGrouping, queryKeys,
  type GroupResults, type HoursBasis, type KpiQuery, type MeasureKeys,
} from "../kpi-query";
import { count, num } from "../kpi-result";
import { coverageOf, rolledUpSql, usableRollup, type FamilyRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { hourOf, inRanges, type TimeRanges } from "../rollups/rollup-coverage";
import { durationPercentiles } from "../sketches/duration-percentiles";
import { sketchMeasure, type SketchedFamily } from "../sketches/sketched-family";

/** The dimensions of a reply (`waiting w` and its ticket `t`, inside waitsSql). */
export const REPLY_COLUMNS = { team: Prisma.sql`t.team_id`, agent: Prisma.sql`w.agent_id`, channel: Prisma.sql`t.channel`, priority: Prisma.sql`t.priority` };
const ROLLUP: RollupTables = {
  hourly: {
    table: Prisma.sql`reply_rollup`,
    columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`ru.channel`, priority: Prisma.sql`ru.priority` },
  },
  daily: {
    table: Prisma.sql`reply_rollup_daily`,
    columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`ru.channel` },
    keys: Prisma.sql`team_id, agent_id, channel`,
  },
  teamDaily: {
    table: Prisma.sql`reply_rollup_team_daily`,
    columns: { team: Prisma.sql`ru.team_id`, channel: Prisma.sql`ru.channel` },
    keys: Prisma.sql`team_id, channel`,
  },
  measures: Prisma.sql`n, wait_sum, wait_bsum`,
  // wait_bsum: the same waits inside business hours.
  sums: Prisma.sql`sum(n)::int AS n, sum(wait_sum) AS wait_sum, sum(wait_bsum) AS wait_bsum`,
};
const ROLLUP_KEYS: MeasureKeys = {
  select: (timestamp) => Prisma.sql`${hourOf(timestamp)} AS hour, t.team_id, w.agent_id, t.channel, t.priority`,
  columns: Prisma.sql`hour, team_id, agent_id, channel, priority`,
};

/**
 * One row (s, keys) per reply in `ranges`, and with `alsoBusiness` its wait in business hours as `bs`. Messages of a ticket are split into segments by its
 * public agent messages (a reply ends a segment); a reply that has customer messages in its
 * segment measures from the earliest of them. Private notes neither reply nor end a segment.
 */
export function waitsSql(ranges: TimeRanges, keys: MeasureKeys, where: Prisma.Sql, hours: HoursBasis, alsoBusiness = false): Prisma.Sql {
  const business = alsoBusiness ? Prisma.sql`, ${durationSql("business", Prisma.sql`w.first_customer_at`, Prisma.sql`w.created_at`)} AS bs` : Prisma.empty;
  return Prisma.sql`
    WITH replied AS (
      SELECT DISTINCT m.ticket_id FROM messages m
      WHERE ${inRanges(Prisma.sql`m.created_at`, ranges)} AND m.author = 'agent' AND m.public
    ), segmented AS (
      SELECT m.id, m.ticket_id, m.author, m.agent_id, m.created_at,
             count(*) FILTER (WHERE m.author = 'agent') OVER (
               PARTITION BY m.ticket_id ORDER BY m.created_at, m.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
             ) AS segment
      FROM messages m
      WHERE m.ticket_id IN (SELECT ticket_id FROM replied) AND (m.author = 'customer' OR m.public)
    ), waiting AS (
      -- Within a segment the reply is the last row, so the segment's earliest customer message is its start.
      SELECT s.*, min(s.created_at) FILTER (WHERE s.author = 'customer') OVER (PARTITION BY s.ticket_id, s.segment) AS first_customer_at
      FROM segmented s
    )
    SELECT ${durationSql(hours, Prisma.sql`w.first_customer_at`, Prisma.sql`w.created_at`)} AS s${business}, ${keys.select(Prisma.sql`w.created_at`)}
    FROM waiting w JOIN tickets t ON t.id = w.ticket_id ${TICKET_SCHEDULE_JOIN}
    WHERE w.author = 'agent' AND w.first_customer_at IS NOT NULL
      AND ${inRanges(Prisma.sql`w.created_at`, ranges)} ${where}`;
}

/** The waits of `ranges` summed per key, in the column of the clock they are measured on. */
function measuresSql(ranges: TimeRanges, keys: MeasureKeys, where: Prisma.Sql, hours: HoursBasis): Prisma.Sql {
  const [calendar, business] = hours === "business" ? [Prisma.sql`0::numeric`, Prisma.sql`sum(s::numeric)`] : [Prisma.sql`sum(s::numeric)`, Prisma.sql`0::numeric`];
  return Prisma.sql`
  SELECT ${keys.columns}, count(*)::int AS n, ${calendar} AS wait_sum, ${business} AS wait_bsum
  FROM (${waitsSql(ranges, keys, where, hours)}) AS waits GROUP BY ${keys.columns}`;
}

/** Rebuilds the reply rollup for `ranges` (whole hours). */
async function rebuildReplyRollup(tx: Pick<PrismaClient, "$executeRaw">, ranges: TimeRanges): Promise<void> {
  await tx.$executeRaw`DELETE FROM reply_rollup ru WHERE ${inRanges(Prisma.sql`ru.hour`, ranges)}`;
  await tx.$executeRaw`
    INSERT INTO reply_rollup (hour, team_id, agent_id, channel, priority, ${ROLLUP.measures})
    SELECT ${ROLLUP_KEYS.columns}, count(*)::int, sum(s::numeric), sum(bs::numeric)
    FROM (${waitsSql(ranges, ROLLUP_KEYS, Prisma.empty, "calendar", true)}) AS waits GROUP BY ${ROLLUP_KEYS.columns}`;
}

/** Reply waits, as the sketches keep them: each at its reply, on each clock, with its ticket's team and channel. */
const REPLY_SKETCH: SketchedFamily = {
  family: "replies",
  names: ["reply"],
  clocks: ["calendar", "business"],
  levels: { team: true, channel: true },
  valuesSql(ranges, where, clocks, day) {
    const both = clocks.length > 1;
    const keys: MeasureKeys = day
      ? { select: (at) => Prisma.sql`${day(at)} AS day, t.team_id, t.channel::text AS channel`, columns: Prisma.empty }
      : { select: () => Prisma.sql`NULL AS day`, columns: Prisma.empty };
    // On both clocks the waits come out as s (calendar) and bs (business); on one, as s.
    const values = clocks.map((clock) => Prisma.sql`(${sketchMeasure("reply", clock)}::text, ${both && clock === "business" ? Prisma.sql`w.bs` : Prisma.sql`w.s`}::float8)`);
    return Prisma.sql`
      SELECT v.measure, v.s${day ? Prisma.sql`, w.day, w.team_id, w.channel` : Prisma.empty}
      FROM (${waitsSql(ranges, keys, where, both ? "calendar" : clocks[0]!, both)}) w
      CROSS JOIN LATERAL (VALUES ${Prisma.join(values)}) AS v(measure, s)`;
  },
};

export const REPLY_ROLLUP: FamilyRollup = { tables: ROLLUP, rebuildHours: rebuildReplyRollup, sketch: REPLY_SKETCH };

/**
 * Average time to reply: the rollups where they cover the window (in business hours: while they
 * were computed under the schedules in force), raw elsewhere.
 */
export async function computeReplyKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, REPLY_COLUMNS);
  const hours = q.hours ?? "calendar";
  const coverage = coverageOf(q, usableRollup(q.rollups?.replies, hours), ROLLUP);
  const waitSum = hours === "business" ? Prisma.sql`wait_bsum` : Prisma.sql`wait_sum`;
  const keys = queryKeys(q.grouping, REPLY_COLUMNS);
  const grouped = measureGrouping(q);
  const measures = prisma.$queryRaw<ReplyRow[]>`
    WITH measures AS (
      ${measuresSql(coverage.raw, keys, where, hours)}
      ${rolledUpSql(q, coverage, ROLLUP)}
    )
    SELECT ${grouped.g}, sum(n) AS n, sum(${waitSum}) / nullif(sum(n), 0) AS mean FROM measures GROUP BY ${grouped.by}`;
  const [rows, spreads] = await Promise.all([measures, durationPercentiles(prisma, q, REPLY_SKETCH, q.rollups?.replies, where)]);
  return assembleGroups(rows, q.grouping, (row) => [
    { key: "avg_reply_time", value: num(row?.mean), unit: "seconds", n: count(row?.n), ...spreads?.get("reply") },
  ]);
}

interface ReplyRow {
  g: string | null;
  n: unknown;
  mean: unknown;
}
