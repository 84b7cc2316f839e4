import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { filterConditions, type KpiQuery } from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";

const TICKET_COLUMNS = { team: Prisma.sql`t.team_id`, agent: Prisma.sql`t.assignee_id`, channel: Prisma.sql`t.channel` };

interface TicketRow {
  volume: unknown; fcr: unknown;
  frt_n: unknown; frt_mean: unknown; frt_median: unknown; frt_p90: unknown;
  solved: unknown; art_mean: unknown; art_median: unknown; art_p90: unknown;
  reopened: unknown; touches: unknown; backlog: unknown;
}

/** Every ticket KPI in one statement; each part reads the index of the timestamp it counts on. */
export async function computeTicketKpis(prisma: PrismaClient, q: KpiQuery): Promise<KpiResult[]> {
  const where = filterConditions(q.filters, TICKET_COLUMNS);
  const [row] = await prisma.$queryRaw<TicketRow[]>`
    WITH created AS (
      SELECT t.id, t.resolved_at, t.reopens FROM tickets t
      WHERE t.created_at >= ${q.from} AND t.created_at < ${q.to} ${where}
    ), responded AS (
      SELECT extract(epoch FROM t.first_response_at - t.created_at)::float8 AS s FROM tickets t
      WHERE t.first_response_at >= ${q.from} AND t.first_response_at < ${q.to} ${where}
    ), resolved AS (
      SELECT t.id, t.reopens, extract(epoch FROM t.resolved_at - t.created_at)::float8 AS s FROM tickets t
      WHERE t.resolved_at >= ${q.from} AND t.resolved_at < ${q.to} ${where}
    ), touches AS (
      SELECT m.ticket_id, count(*) AS n FROM messages m
      WHERE m.author = 'agent' AND m.public AND m.ticket_id IN (SELECT id FROM created UNION SELECT id FROM resolved)
      GROUP BY m.ticket_id
    )
    SELECT
      (SELECT count(*) FROM created) AS volume,
      (SELECT count(*) FROM created c JOIN touches x ON x.ticket_id = c.id
        WHERE c.resolved_at <= ${q.now} AND c.reopens = 0 AND x.n = 1) AS fcr,
      (SELECT count(*) FROM responded) AS frt_n,
      (SELECT avg(s) FROM responded) AS frt_mean,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FROM responded) AS frt_median,
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FROM responded) AS frt_p90,
      (SELECT count(*) FROM resolved) AS solved,
      (SELECT avg(s) FROM resolved) AS art_mean,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FROM resolved) AS art_median,
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FROM resolved) AS art_p90,
      (SELECT count(*) FROM resolved WHERE reopens > 0) AS reopened,
      (SELECT coalesce(sum(x.n), 0) FROM resolved r JOIN touches x ON x.ticket_id = r.id) AS touches,
      (SELECT count(*) FROM tickets t
        WHERE t.created_at < ${q.to} AND (t.resolved_at IS NULL OR t.resolved_at >= ${q.to}) ${where}) AS backlog`;
  const r = row!;
  const volume = count(r.volume);
  const fcr = count(r.fcr);
  const frtN = count(r.frt_n);
  const solved = count(r.solved);
  const reopened = count(r.reopened);
  const touches = count(r.touches);
  return [
    { key: "ticket_volume", value: volume, unit: "count", n: volume },
    { key: "tickets_solved", value: solved, unit: "count", n: solved },
    {
      key: "first_response_time", value: num(r.frt_mean), unit: "seconds", n: frtN,
      median: num(r.frt_median), p90: num(r.frt_p90),
    },
    {
      key: "avg_resolution_time", value: num(r.art_mean), unit: "seconds", n: solved,
      median: num(r.art_median), p90: num(r.art_p90),
    },
    {
      key: "fcr_rate", value: ratio(fcr, volume, 100), unit: "percent", n: volume, numerator: fcr, denominator: volume,
      marginOfError: wilsonMarginOfError(fcr, volume),
    },
    { key: "touches_per_ticket", value: ratio(touches, solved), unit: "ratio", n: solved, numerator: touches, denominator: solved },
    {
      key: "reopen_rate", value: ratio(reopened, solved, 100), unit: "percent", n: solved, numerator: reopened, denominator: solved,
      marginOfError: wilsonMarginOfError(reopened, solved),
    },
    { key: "backlog", value: count(r.backlog), unit: "count", n: count(r.backlog) },
  ];
}
