import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import {
  assembleGroups, filterConditions, measureGrouping, queryKeys,
  type GroupResults, type KpiQuery, type MeasureKeys,
} from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";
import { coverageOf, rolledUpSql, type FamilyRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { hourOf, inRanges, type TimeRanges } from "../rollups/rollup-coverage";
import { durationPercentiles, type Spread } from "../sketches/duration-percentiles";
import type { SketchedFamily } from "../sketches/sketched-family";

export const CALL_COLUMNS = {
  team: Prisma.sql`c.team_id`,
  agent: Prisma.sql`c.agent_id`,
  channel: Prisma.sql`'phone'`,
  queue: Prisma.sql`c.queue_id`,
};
const ROLLUP: RollupTables = {
  hourly: {
    table: Prisma.sql`call_rollup`,
    columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`'phone'`, queue: Prisma.sql`ru.queue_id` },
  },
  daily: {
    table: Prisma.sql`call_rollup_daily`,
    columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`'phone'`, queue: Prisma.sql`ru.queue_id` },
    keys: Prisma.sql`team_id, agent_id, queue_id`,
  },
  teamDaily: {
    table: Prisma.sql`call_rollup_team_daily`,
    columns: { team: Prisma.sql`ru.team_id`, channel: Prisma.sql`'phone'`, queue: Prisma.sql`ru.queue_id` },
    keys: Prisma.sql`team_id, queue_id`,
  },
  measures: Prisma.sql`handled, aht_n, aht_sum, asa_sum, offered, abandoned, within`,
  sums: Prisma.sql`sum(handled)::int AS handled, sum(aht_n)::int AS aht_n, sum(aht_sum) AS aht_sum, sum(asa_sum) AS asa_sum,
    sum(offered)::int AS offered, sum(abandoned)::int AS abandoned, sum(within)::int AS within`,
};
const ROLLUP_KEYS: MeasureKeys = {
  select: (timestamp) => Prisma.sql`${hourOf(timestamp)} AS hour, c.team_id, c.agent_id, c.queue_id`,
  columns: Prisma.sql`hour, team_id, agent_id, queue_id`,
};

// Speed of answer, abandonment and service level are queue measures and so count inbound calls;
// handle time counts every answered call, as SPEC words it. A call answered without queueing waited 0 s.
/** The handle time of the call `c`. */
export const CALL_HANDLE = Prisma.sql`(c.talk_seconds + c.hold_seconds + c.wrap_up_seconds)::float8`;
/** How long the call `c` waited to be answered; 0 when it was not queued (nor answered). */
export const CALL_WAIT = Prisma.sql`greatest(0, extract(epoch FROM c.answered_at - coalesce(c.queued_at, c.answered_at)))::float8`;

/**
 * The yes/no facts of a call the call KPIs count, over a row `r` with its direction, queued_at and
 * answered_at (a call, or its ended row) and its `wait`.
 */
export function callFacts(r: Prisma.Sql, wait: Prisma.Sql, serviceLevelSeconds: number) {
  const inbound = Prisma.sql`${r}.direction = 'inbound'`;
  const answered = Prisma.sql`${r}.answered_at IS NOT NULL`;
  return {
    answered,
    handled: Prisma.sql`${inbound} AND ${answered}`,
    offered: Prisma.sql`${inbound} AND (${answered} OR ${r}.queued_at IS NOT NULL)`,
    abandoned: Prisma.sql`${inbound} AND ${r}.answered_at IS NULL AND ${r}.queued_at IS NOT NULL`,
    within: Prisma.sql`${inbound} AND ${answered} AND ${wait} <= ${serviceLevelSeconds}`,
  };
}

const endedSql = (ranges: TimeRanges, keys: MeasureKeys, where: Prisma.Sql) => Prisma.sql`
  SELECT ${keys.select(Prisma.sql`c.ended_at`)}, c.direction, c.queued_at, c.answered_at, ${CALL_HANDLE} AS handle, ${CALL_WAIT} AS wait
  FROM calls c
  WHERE ${inRanges(Prisma.sql`c.ended_at`, ranges)} ${where}`;

/** The call family's additive measures over calls whose endedAt is in `ranges`, one row per key. */
function measuresSql(ranges: TimeRanges, keys: MeasureKeys, where: Prisma.Sql, serviceLevelSeconds: number): Prisma.Sql {
  const is = callFacts(Prisma.sql`ended`, Prisma.sql`ended.wait`, serviceLevelSeconds);
  return Prisma.sql`
    SELECT ${keys.columns},
      count(*) FILTER (WHERE ${is.handled})::int AS handled,
      count(*) FILTER (WHERE ${is.answered})::int AS aht_n,
      coalesce(sum(handle::numeric) FILTER (WHERE ${is.answered}), 0) AS aht_sum,
      coalesce(sum(wait::numeric) FILTER (WHERE ${is.handled}), 0) AS asa_sum,
      count(*) FILTER (WHERE ${is.offered})::int AS offered,
      count(*) FILTER (WHERE ${is.abandoned})::int AS abandoned,
      count(*) FILTER (WHERE ${is.within})::int AS within
    FROM (${endedSql(ranges, keys, where)}) AS ended
    GROUP BY ${keys.columns}`;
}

/** Rebuilds the call rollup for `ranges` (whole hours), counting service level against `serviceLevelSeconds`. */
async function rebuildCallRollup(tx: Pick<PrismaClient, "$executeRaw">, ranges: TimeRanges, serviceLevelSeconds: number): Promise<void> {
  await tx.$executeRaw`DELETE FROM call_rollup ru WHERE ${inRanges(Prisma.sql`ru.hour`, ranges)}`;
  await tx.$executeRaw`
    INSERT INTO call_rollup (hour, team_id, agent_id, queue_id, ${ROLLUP.measures})
    ${measuresSql(ranges, ROLLUP_KEYS, Prisma.empty, serviceLevelSeconds)}`;
}

/**
 * Handle times (answered calls) and speeds of answer (answered inbound calls), as the sketches
 * keep them: at the call's end, with its team; calls have no business-hours clock nor a channel
 * level (every call is a phone call).
 */
const CALL_SKETCH: SketchedFamily = {
  family: "calls",
  names: ["aht", "asa"],
  clocks: ["calendar"],
  levels: { team: true, channel: false },
  valuesSql(ranges, where, _clocks, day) {
    const keys: MeasureKeys = day
      ? { select: (at) => Prisma.sql`${day(at)} AS day, c.team_id, NULL::text AS channel`, columns: Prisma.empty }
      : { select: () => Prisma.sql`NULL AS day`, columns: Prisma.empty };
    return Prisma.sql`
      SELECT v.measure, v.s${day ? Prisma.sql`, e.day, e.team_id, e.channel` : Prisma.empty}
      FROM (${endedSql(ranges, keys, where)}) e
      CROSS JOIN LATERAL (VALUES
        ('aht'::text, CASE WHEN e.answered_at IS NOT NULL THEN e.handle END),
        ('asa'::text, CASE WHEN e.direction = 'inbound' AND e.answered_at IS NOT NULL THEN e.wait END)
      ) AS v(measure, s)`;
  },
};

export const CALL_ROLLUP: FamilyRollup = {
  tables: ROLLUP,
  rebuildHours: (tx, ranges, { serviceLevelSeconds }) => rebuildCallRollup(tx, ranges, serviceLevelSeconds),
  sketch: CALL_SKETCH,
};

interface CallRow {
  g: string | null;
  handled: unknown; aht_n: unknown; aht_mean: unknown; asa_mean: unknown; offered: unknown; abandoned: unknown; within: unknown;
}

/**
 * Call KPIs over calls whose endedAt is in the window: the rollups where they cover the window
 * and were counted with this query's service-level threshold, the raw rows elsewhere; median and
 * p90 when asked for (lib/kpi/sketches).
 */
export async function computeCallKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, CALL_COLUMNS);
  const state = q.rollups?.calls;
  const coverage = coverageOf(q, state?.serviceLevelSeconds === q.serviceLevelSeconds ? state : undefined, ROLLUP);
  const keys = queryKeys(q.grouping, CALL_COLUMNS);
  const grouped = measureGrouping(q);
  const measures = prisma.$queryRaw<CallRow[]>`
    WITH measures AS (
      ${measuresSql(coverage.raw, keys, where, q.serviceLevelSeconds)}
      ${rolledUpSql(q, coverage, ROLLUP)}
    )
    SELECT ${grouped.g}, sum(handled) AS handled, sum(aht_n) AS aht_n, sum(aht_sum) / nullif(sum(aht_n), 0) AS aht_mean,
           sum(asa_sum) / nullif(sum(handled), 0) AS asa_mean, sum(offered) AS offered, sum(abandoned) AS abandoned, sum(within) AS within
    FROM measures GROUP BY ${grouped.by}`;
  // The sketches do not depend on the service-level threshold: any state of the rollup serves them.
  const [rows, spreads] = await Promise.all([measures, durationPercentiles(prisma, q, CALL_SKETCH, state, where)]);
  return assembleGroups(rows, q.grouping, (row) => toResults(row, spreads?.get("aht") ?? {}, spreads?.get("asa") ?? {}));
}

function toResults(r: CallRow | undefined, aht: Partial<Spread>, asa: Partial<Spread>): KpiResult[] {
  const handled = count(r?.handled);
  const offered = count(r?.offered);
  const abandoned = count(r?.abandoned);
  const within = count(r?.within);
  return [
    { key: "calls_handled", value: handled, unit: "count", n: handled },
    { key: "aht", value: num(r?.aht_mean), unit: "seconds", n: count(r?.aht_n), ...aht },
    { key: "asa", value: num(r?.asa_mean), unit: "seconds", n: handled, ...asa },
    {
      key: "abandonment_rate", value: ratio(abandoned, offered, 100), unit: "percent", n: offered,
      numerator: abandoned, denominator: offered, marginOfError: wilsonMarginOfError(abandoned, offered),
    },
    {
      key: "service_level", value: ratio(within, offered, 100), unit: "percent", n: offered,
      numerator: within, denominator: offered, marginOfError: wilsonMarginOfError(within, offered),
    },
  ];
}
