import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, num } from "../kpi-result";

const REPLY_COLUMNS = { team: Prisma.sql`t.team_id`, agent: Prisma.sql`r.agent_id`, channel: Prisma.sql`t.channel`, priority: Prisma.sql`t.priority` };

/**
 * Average time to reply. Messages of a ticket are split into segments by its public agent
 * messages (a reply ends a segment); a reply that has customer messages in its segment measures
 * from the earliest of them. Private notes neither reply nor end a segment.
 */
export async function computeReplyKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, REPLY_COLUMNS);
  const rows = await prisma.$queryRaw<ReplyRow[]>`
    WITH replied AS (
      SELECT DISTINCT ticket_id FROM messages
      WHERE author = 'agent' AND public AND created_at >= ${q.from} AND created_at < ${q.to}
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
    ), waits AS (
      SELECT ${durationSql(q.hours ?? "calendar", Prisma.sql`r.first_customer_at`, Prisma.sql`r.created_at`)} AS s,
             ${groupKey(q.grouping, REPLY_COLUMNS, Prisma.sql`r.created_at`)} AS g
      FROM waiting r JOIN tickets t ON t.id = r.ticket_id ${TICKET_SCHEDULE_JOIN}
      WHERE r.author = 'agent' AND r.first_customer_at IS NOT NULL
        AND r.created_at >= ${q.from} AND r.created_at < ${q.to} ${where}
    )
    SELECT g, count(*) AS n, avg(s::numeric) AS mean,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90
    FROM waits GROUP BY g`;
  return assembleGroups(rows, q.grouping, (row) => [
    { key: "avg_reply_time", value: num(row?.mean), unit: "seconds", n: count(row?.n), median: num(row?.median), p90: num(row?.p90) },
  ]);
}

interface ReplyRow {
  g: string | null;
  n: unknown;
  mean: unknown;
  median: unknown;
  p90: unknown;
}
