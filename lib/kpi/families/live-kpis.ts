import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, NO_GROUPING, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, num } from "../kpi-result";

/**
 * A call left "waiting" for longer than this has almost certainly lost its end event upstream;
 * counting it would pin `longest_wait` at days on every wall screen.
 */
export const STALE_WAITING_CALL_HOURS = 12;

/** The dimensions of an agent `a`. */
export const AGENT_COLUMNS = { team: Prisma.sql`a.team_id`, agent: Prisma.sql`a.id` };
export const WAITING_COLUMNS = { team: Prisma.sql`c.team_id`, agent: Prisma.sql`c.agent_id`, channel: Prisma.sql`'phone'`, queue: Prisma.sql`c.queue_id` };

/** Agents `a` with their latest status as of `now` (`latest.status`, `latest.at`). */
export const agentsNowSql = (now: Date) => Prisma.sql`agents a CROSS JOIN LATERAL (
        SELECT e.status, e.at FROM agent_status_events e WHERE e.agent_id = a.id AND e.at <= ${now} ORDER BY e.at DESC LIMIT 1
      ) latest`;

/** Whether the call `c` is waiting in its queue at `now` (and not stale). */
export function waitingCallSql(now: Date): Prisma.Sql {
  const staleBefore = new Date(now.getTime() - STALE_WAITING_CALL_HOURS * 3_600_000);
  return Prisma.sql`c.queued_at <= ${now} AND c.queued_at > ${staleBefore} AND c.answered_at IS NULL AND c.ended_at IS NULL`;
}

interface LiveRow {
  g: string | null;
  available: unknown;
  waiting: unknown;
  longest: unknown;
}

/** Live KPIs describe `now`: the window does not apply, and neither do time buckets. */
export async function computeLiveKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const grouping = q.grouping.by === "time" ? NO_GROUPING : q.grouping;
  const agentWhere = filterConditions(q.filters, AGENT_COLUMNS);
  const callWhere = filterConditions(q.filters, WAITING_COLUMNS);
  const rows = await prisma.$queryRaw<LiveRow[]>`
    WITH available AS (
      -- Each agent's latest status, one probe of the (agent_id, at) index per agent.
      SELECT ${groupKey(grouping, AGENT_COLUMNS, Prisma.sql`latest.at`)} AS g, count(*) AS available
      FROM ${agentsNowSql(q.now)}
      WHERE latest.status = 'available' ${agentWhere}
      GROUP BY 1
    ), waiting AS (
      SELECT ${groupKey(grouping, WAITING_COLUMNS, Prisma.sql`c.queued_at`)} AS g, count(*) AS waiting,
             extract(epoch FROM ${q.now}::timestamptz - min(c.queued_at))::float8 AS longest
      FROM calls c
      WHERE ${waitingCallSql(q.now)} ${callWhere}
      GROUP BY 1
    ), keys AS (SELECT g FROM available UNION SELECT g FROM waiting)
    SELECT k.g, available.available, waiting.waiting, waiting.longest FROM keys k
    LEFT JOIN available ON available.g IS NOT DISTINCT FROM k.g
    LEFT JOIN waiting ON waiting.g IS NOT DISTINCT FROM k.g`;
  return assembleGroups(rows, grouping, (row) => {
    const waiting = count(row?.waiting);
    return [
      { key: "agents_available", value: count(row?.available), unit: "count", n: count(row?.available) },
      { key: "calls_waiting", value: waiting, unit: "count", n: waiting },
      // No call waiting: the longest wait is 0 s now, a real value rather than missing data.
      { key: "longest_wait", value: waiting > 0 ? num(row?.longest) : 0, unit: "seconds", n: waiting },
    ];
  });
}
