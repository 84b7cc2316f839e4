import { businessDeadlineSql, TICKET_SCHEDULE, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { filterConditions, type KpiFilters } from "@/lib/kpi/kpi-query";

export interface AtRiskTicket {
  externalId: string;
  subject: string | null;
  priority: string;
  team: string | null;
  assignee: string | null;
  createdAt: string;
  /** When the first-response target is (or was) breached. */
  dueAt: string;
  /** Until the breach; negative once breached. */
  secondsLeft: number;
}

export interface AtRiskList {
  tickets: AtRiskTicket[];
  /** Open tickets past their first-response target, and those due within the horizon. */
  breached: number;
  atRisk: number;
}

interface Row {
  external_id: string;
  subject: string | null;
  priority: string;
  team: string | null;
  assignee: string | null;
  created_at: Date;
  due_at: Date;
  breached: bigint;
  at_risk: bigint;
}

/**
 * Open tickets still waiting for a first response whose SLA target falls due within `horizonSeconds`
 * of now, or has passed. The ones that can still be saved come first, the next to breach on top;
 * then the breached ones, most recent first, so an old backlog never hides the next breach.
 */
export async function listAtRiskTickets(
  prisma: PrismaClient,
  q: { filters: KpiFilters; now: Date; horizonSeconds: number; limit: number },
): Promise<AtRiskList> {
  const where = filterConditions(q.filters, { team: Prisma.sql`t.team_id`, agent: Prisma.sql`t.assignee_id`, channel: Prisma.sql`t.channel` });
  const horizon = new Date(q.now.getTime() + q.horizonSeconds * 1000);
  const rows = await prisma.$queryRaw<Row[]>`
    WITH waiting AS (
      SELECT t.external_id, t.subject, t.priority::text AS priority, t.team_id, t.assignee_id, t.created_at,
             CASE WHEN p.first_response_hours = 'business'
               THEN ${businessDeadlineSql(TICKET_SCHEDULE, Prisma.sql`t.created_at`, Prisma.sql`p.first_response_seconds`)}
               ELSE t.created_at + p.first_response_seconds * interval '1 second' END AS due_at
      FROM tickets t JOIN sla_policies p ON p.priority = t.priority AND p.first_response_seconds IS NOT NULL ${TICKET_SCHEDULE_JOIN}
      WHERE t.first_response_at IS NULL AND t.resolved_at IS NULL AND t.status NOT IN ('solved', 'closed') ${where}
    ), due AS (
      SELECT w.*, count(*) FILTER (WHERE w.due_at <= ${q.now}) OVER () AS breached,
             count(*) FILTER (WHERE w.due_at > ${q.now}) OVER () AS at_risk
      FROM waiting w WHERE w.due_at < ${horizon}
    )
    SELECT d.external_id, d.subject, d.priority, tm.name AS team, a.name AS assignee, d.created_at, d.due_at, d.breached, d.at_risk
    FROM due d LEFT JOIN teams tm ON tm.id = d.team_id LEFT JOIN agents a ON a.id = d.assignee_id
    ORDER BY d.due_at <= ${q.now}, CASE WHEN d.due_at > ${q.now} THEN d.due_at END, d.due_at DESC, d.external_id
    LIMIT ${q.limit}`;
  return {
    breached: Number(rows[0]?.breached ?? 0),
    atRisk: Number(rows[0]?.at_risk ?? 0),
    tickets: rows.map((r) => ({
      externalId: r.external_id,
      subject: r.subject,
      priority: r.priority,
      team: r.team,
      assignee: r.assignee,
      createdAt: r.created_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      secondsLeft: Math.round((r.due_at.getTime() - q.now.getTime()) / 1000),
    })),
  };
}
