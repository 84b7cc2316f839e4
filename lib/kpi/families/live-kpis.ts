import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { filterConditions, type KpiQuery } from "../kpi-query";
import { count, num, type KpiResult } from "../kpi-result";

/**
 * A call left "waiting" for longer than this has almost certainly lost its end event upstream;
 * counting it would pin `longest_wait` at days on every wall screen.
 */
export const STALE_WAITING_CALL_HOURS = 12;

const AGENT_COLUMNS = { team: Prisma.sql`a.team_id`, agent: Prisma.sql`a.id` };
const WAITING_COLUMNS = { team: Prisma.sql`c.team_id`, agent: Prisma.sql`c.agent_id`, channel: Prisma.sql`'phone'`, queue: Prisma.sql`c.queue_id` };

/** Live KPIs describe `now`: the window does not apply. */
export async function computeLiveKpis(prisma: PrismaClient, q: KpiQuery): Promise<KpiResult[]> {
  const agentWhere = filterConditions(q.filters, AGENT_COLUMNS);
  const callWhere = filterConditions(q.filters, WAITING_COLUMNS);
  const staleBefore = new Date(q.now.getTime() - STALE_WAITING_CALL_HOURS * 3_600_000);
  const [row] = await prisma.$queryRaw<{ available: unknown; waiting: unknown; longest: unknown }[]>`
    SELECT
      (SELECT count(*) FROM (
         SELECT DISTINCT ON (e.agent_id) e.status FROM agent_status_events e
         JOIN agents a ON a.id = e.agent_id
         WHERE e.at <= ${q.now} ${agentWhere}
         ORDER BY e.agent_id, e.at DESC
       ) latest WHERE latest.status = 'available') AS available,
      (SELECT count(*) FROM calls c
        WHERE c.queued_at <= ${q.now} AND c.queued_at > ${staleBefore} AND c.answered_at IS NULL AND c.ended_at IS NULL ${callWhere}) AS waiting,
      (SELECT extract(epoch FROM ${q.now}::timestamptz - min(c.queued_at))::float8 FROM calls c
        WHERE c.queued_at <= ${q.now} AND c.queued_at > ${staleBefore} AND c.answered_at IS NULL AND c.ended_at IS NULL ${callWhere}) AS longest`;
  const waiting = count(row!.waiting);
  return [
    { key: "agents_available", value: count(row!.available), unit: "count", n: count(row!.available) },
    { key: "calls_waiting", value: waiting, unit: "count", n: waiting },
    // No call waiting: the longest wait is 0 s now, a real value rather than missing data.
    { key: "longest_wait", value: waiting > 0 ? num(row!.longest) : 0, unit: "seconds", n: waiting },
  ];
}
