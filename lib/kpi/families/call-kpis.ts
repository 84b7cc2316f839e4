import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";

const CALL_COLUMNS = {
  team: Prisma.sql`c.team_id`,
  agent: Prisma.sql`c.agent_id`,
  channel: Prisma.sql`'phone'`,
  queue: Prisma.sql`c.queue_id`,
};

interface CallRow {
  g: string | null;
  handled: unknown; aht_n: unknown; aht_mean: unknown; aht_median: unknown; aht_p90: unknown;
  asa_mean: unknown; asa_median: unknown; asa_p90: unknown; offered: unknown; abandoned: unknown; within: unknown;
}

/**
 * Call KPIs over calls whose endedAt is in the window. Speed of answer, abandonment and service
 * level are queue measures and so count inbound calls; handle time counts every answered call, as
 * SPEC words it. A call answered without queueing waited 0 s.
 */
export async function computeCallKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, CALL_COLUMNS);
  const rows = await prisma.$queryRaw<CallRow[]>`
    WITH ended AS (
      SELECT ${groupKey(q.grouping, CALL_COLUMNS, Prisma.sql`c.ended_at`)} AS g, c.direction, c.queued_at, c.answered_at,
             (c.talk_seconds + c.hold_seconds + c.wrap_up_seconds)::float8 AS handle,
             greatest(0, extract(epoch FROM c.answered_at - coalesce(c.queued_at, c.answered_at)))::float8 AS wait
      FROM calls c
      WHERE c.ended_at >= ${q.from} AND c.ended_at < ${q.to} ${where}
    )
    SELECT g,
      count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL) AS handled,
      count(*) FILTER (WHERE answered_at IS NOT NULL) AS aht_n,
      avg(handle::numeric) FILTER (WHERE answered_at IS NOT NULL) AS aht_mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY handle) FILTER (WHERE answered_at IS NOT NULL) AS aht_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY handle) FILTER (WHERE answered_at IS NOT NULL) AS aht_p90,
      avg(wait::numeric) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL) AS asa_mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL) AS asa_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL) AS asa_p90,
      count(*) FILTER (WHERE direction = 'inbound' AND (answered_at IS NOT NULL OR queued_at IS NOT NULL)) AS offered,
      count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NULL AND queued_at IS NOT NULL) AS abandoned,
      count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL AND wait <= ${q.serviceLevelSeconds}) AS within
    FROM ended GROUP BY g`;
  return assembleGroups(rows, q.grouping, toResults);
}

function toResults(r: CallRow | undefined): KpiResult[] {
  const handled = count(r?.handled);
  const offered = count(r?.offered);
  const abandoned = count(r?.abandoned);
  const within = count(r?.within);
  return [
    { key: "calls_handled", value: handled, unit: "count", n: handled },
    { key: "aht", value: num(r?.aht_mean), unit: "seconds", n: count(r?.aht_n), median: num(r?.aht_median), p90: num(r?.aht_p90) },
    { key: "asa", value: num(r?.asa_mean), unit: "seconds", n: handled, median: num(r?.asa_median), p90: num(r?.asa_p90) },
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
