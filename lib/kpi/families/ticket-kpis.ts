import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";

const TICKET_COLUMNS = { team: Prisma.sql`t.team_id`, agent: Prisma.sql`t.assignee_id`, channel: Prisma.sql`t.channel`, priority: Prisma.sql`t.priority` };

interface TicketRow {
  g: string | null;
  volume: unknown; fcr: unknown;
  frt_n: unknown; frt_mean: unknown; frt_median: unknown; frt_p90: unknown;
  solved: unknown; art_mean: unknown; art_median: unknown; art_p90: unknown;
  reopened: unknown; touches: unknown; backlog: unknown;
}

// Means are taken over numeric (exact) values: a float sum depends on the order rows arrive in, and
// the same data must give the same number whatever order it was ingested in.

/**
 * Every ticket KPI in one statement, per group. Each part reads the index of the timestamp it
 * counts on and is grouped by that same timestamp, so a ticket created on Monday and solved on
 * Tuesday adds to Monday's volume and to Tuesday's solved.
 */
export async function computeTicketKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, TICKET_COLUMNS);
  const g = (timestamp: Prisma.Sql) => groupKey(q.grouping, TICKET_COLUMNS, timestamp);
  const duration = (end: Prisma.Sql) => durationSql(q.hours ?? "calendar", Prisma.sql`t.created_at`, end);
  const rows = await prisma.$queryRaw<TicketRow[]>`
    WITH created AS (
      SELECT t.id, t.resolved_at, t.reopens, ${g(Prisma.sql`t.created_at`)} AS g FROM tickets t
      WHERE t.created_at >= ${q.from} AND t.created_at < ${q.to} ${where}
    ), responded AS (
      SELECT ${duration(Prisma.sql`t.first_response_at`)} AS s, ${g(Prisma.sql`t.first_response_at`)} AS g
      FROM tickets t ${TICKET_SCHEDULE_JOIN} WHERE t.first_response_at >= ${q.from} AND t.first_response_at < ${q.to} ${where}
    ), resolved AS (
      SELECT t.id, t.reopens, ${duration(Prisma.sql`t.resolved_at`)} AS s, ${g(Prisma.sql`t.resolved_at`)} AS g
      FROM tickets t ${TICKET_SCHEDULE_JOIN} WHERE t.resolved_at >= ${q.from} AND t.resolved_at < ${q.to} ${where}
    ), touches AS (
      SELECT m.ticket_id, count(*) AS n FROM messages m
      WHERE m.author = 'agent' AND m.public AND m.ticket_id IN (SELECT id FROM created UNION SELECT id FROM resolved)
      GROUP BY m.ticket_id
    ), volume AS (
      SELECT g, count(*) AS volume FROM created GROUP BY g
    ), fcr AS (
      SELECT c.g, count(*) AS fcr FROM created c JOIN touches x ON x.ticket_id = c.id
      WHERE c.resolved_at <= ${q.now} AND c.reopens = 0 AND x.n = 1 GROUP BY c.g
    ), frt AS (
      SELECT g, count(*) AS frt_n, avg(s::numeric) AS frt_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS frt_median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS frt_p90
      FROM responded GROUP BY g
    ), art AS (
      SELECT g, count(*) AS solved, avg(s::numeric) AS art_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS art_median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS art_p90, count(*) FILTER (WHERE reopens > 0) AS reopened
      FROM resolved GROUP BY g
    ), touched AS (
      SELECT r.g, sum(x.n) AS touches FROM resolved r JOIN touches x ON x.ticket_id = r.id GROUP BY r.g
    ), backlog AS (${backlogSql(q, where)}
    ), keys AS (
      SELECT g FROM volume UNION SELECT g FROM frt UNION SELECT g FROM art UNION SELECT g FROM backlog WHERE backlog > 0
    )
    SELECT k.g, volume.volume, fcr.fcr, frt.frt_n, frt.frt_mean, frt.frt_median, frt.frt_p90,
           art.solved, art.art_mean, art.art_median, art.art_p90, art.reopened, touched.touches, backlog.backlog
    FROM keys k
    LEFT JOIN volume ON volume.g IS NOT DISTINCT FROM k.g
    LEFT JOIN fcr ON fcr.g IS NOT DISTINCT FROM k.g
    LEFT JOIN frt ON frt.g IS NOT DISTINCT FROM k.g
    LEFT JOIN art ON art.g IS NOT DISTINCT FROM k.g
    LEFT JOIN touched ON touched.g IS NOT DISTINCT FROM k.g
    LEFT JOIN backlog ON backlog.g IS NOT DISTINCT FROM k.g`;
  return assembleGroups(rows, q.grouping, toResults);
}

/** Backlog is a state at an instant: at the window's end, or for time buckets at each bucket's end. */
function backlogSql(q: KpiQuery, where: Prisma.Sql): Prisma.Sql {
  if (q.grouping.by === "time") {
    const ends = q.grouping.buckets.map((b) => new Date(Math.min(b.end.getTime(), q.to.getTime())).toISOString());
    return Prisma.sql`
      SELECT b.i::text AS g,
             (SELECT count(*) FROM tickets t
               WHERE t.created_at < b.e AND (t.resolved_at IS NULL OR t.resolved_at >= b.e) ${where}) AS backlog
      FROM unnest(${ends}::timestamptz[]) WITH ORDINALITY AS b(e, i)`;
  }
  return Prisma.sql`
    SELECT ${groupKey(q.grouping, TICKET_COLUMNS, Prisma.sql`t.created_at`)} AS g, count(*) AS backlog FROM tickets t
    WHERE t.created_at < ${q.to} AND (t.resolved_at IS NULL OR t.resolved_at >= ${q.to}) ${where}
    GROUP BY 1`;
}

function toResults(r: TicketRow | undefined): KpiResult[] {
  const volume = count(r?.volume);
  const fcr = count(r?.fcr);
  const solved = count(r?.solved);
  const reopened = count(r?.reopened);
  const touches = count(r?.touches);
  const backlog = count(r?.backlog);
  return [
    { key: "ticket_volume", value: volume, unit: "count", n: volume },
    { key: "tickets_solved", value: solved, unit: "count", n: solved },
    {
      key: "first_response_time", value: num(r?.frt_mean), unit: "seconds", n: count(r?.frt_n),
      median: num(r?.frt_median), p90: num(r?.frt_p90),
    },
    {
      key: "avg_resolution_time", value: num(r?.art_mean), unit: "seconds", n: solved,
      median: num(r?.art_median), p90: num(r?.art_p90),
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
    { key: "backlog", value: backlog, unit: "count", n: backlog },
  ];
}
