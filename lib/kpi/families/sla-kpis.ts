import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, ratio } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";
import { TICKET_COLUMNS } from "./ticket-columns";

interface SlaRow {
  g: string | null;
  fr_n: unknown;
  fr_met: unknown;
  res_n: unknown;
  res_met: unknown;
}

/**
 * SLA achievement: of the tickets whose first response (resolution) is in the window and whose
 * priority has a target, the share measured within it, each on the policy's own clock (calendar
 * or business hours, whatever the query's `hours`). Tickets of a priority without a target are
 * outside the SLA, not failures.
 */
export async function computeSlaKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, TICKET_COLUMNS);
  const g = (timestamp: Prisma.Sql) => groupKey(q.grouping, TICKET_COLUMNS, timestamp);
  const measured = (basis: Prisma.Sql, end: Prisma.Sql) => Prisma.sql`CASE WHEN ${basis} = 'business'
    THEN ${durationSql("business", Prisma.sql`t.created_at`, end)}
    ELSE ${durationSql("calendar", Prisma.sql`t.created_at`, end)} END`;
  const rows = await prisma.$queryRaw<SlaRow[]>`
    WITH responded AS (
      SELECT ${g(Prisma.sql`t.first_response_at`)} AS g,
             ${measured(Prisma.sql`p.first_response_hours`, Prisma.sql`t.first_response_at`)} <= p.first_response_seconds AS met
      FROM tickets t JOIN sla_policies p ON p.priority = t.priority AND p.first_response_seconds IS NOT NULL ${TICKET_SCHEDULE_JOIN}
      WHERE t.first_response_at >= ${q.from} AND t.first_response_at < ${q.to} ${where}
    ), resolved AS (
      SELECT ${g(Prisma.sql`t.resolved_at`)} AS g,
             ${measured(Prisma.sql`p.resolution_hours`, Prisma.sql`t.resolved_at`)} <= p.resolution_seconds AS met
      FROM tickets t JOIN sla_policies p ON p.priority = t.priority AND p.resolution_seconds IS NOT NULL ${TICKET_SCHEDULE_JOIN}
      WHERE t.resolved_at >= ${q.from} AND t.resolved_at < ${q.to} ${where}
    ), fr AS (
      SELECT g, count(*) AS fr_n, count(*) FILTER (WHERE met) AS fr_met FROM responded GROUP BY g
    ), res AS (
      SELECT g, count(*) AS res_n, count(*) FILTER (WHERE met) AS res_met FROM resolved GROUP BY g
    ), keys AS (
      SELECT g FROM fr UNION SELECT g FROM res
    )
    SELECT k.g, fr.fr_n, fr.fr_met, res.res_n, res.res_met
    FROM keys k LEFT JOIN fr ON fr.g IS NOT DISTINCT FROM k.g LEFT JOIN res ON res.g IS NOT DISTINCT FROM k.g`;
  return assembleGroups(rows, q.grouping, (row) => {
    const [frN, frMet, resN, resMet] = [count(row?.fr_n), count(row?.fr_met), count(row?.res_n), count(row?.res_met)];
    return [
      {
        key: "sla_first_response", value: ratio(frMet, frN, 100), unit: "percent", n: frN, numerator: frMet, denominator: frN,
        marginOfError: wilsonMarginOfError(frMet, frN),
      },
      {
        key: "sla_resolution", value: ratio(resMet, resN, 100), unit: "percent", n: resN, numerator: resMet, denominator: resN,
        marginOfError: wilsonMarginOfError(resMet, resN),
      },
    ];
  });
}
