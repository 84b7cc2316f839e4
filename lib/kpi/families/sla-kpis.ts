import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, ratio } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";
import { coverageOf, rolledUpSql, usableRollup } from "../rollups/rolled-up-sql";
import { inRanges, type TimeRanges } from "../rollups/rollup-coverage";
import { TICKET_COLUMNS } from "./ticket-columns";
import { SLA_ROLLUP_TABLES } from "./ticket-kpis";

interface SlaRow {
  g: string | null;
  fr_n: unknown;
  fr_met: unknown;
  res_n: unknown;
  res_met: unknown;
}

/** The ticket `t`'s time from creation to `end` on a policy's clock (`hours`, a column of sla_policies). */
export const slaMeasuredSql = (hours: Prisma.Sql, end: Prisma.Sql) => Prisma.sql`CASE WHEN ${hours} = 'business'
    THEN ${durationSql("business", Prisma.sql`t.created_at`, end)}
    ELSE ${durationSql("calendar", Prisma.sql`t.created_at`, end)} END`;

/** Whether a duration met the policy's target: within it, on the policy's own clock. */
const metSql = (hours: Prisma.Sql, end: Prisma.Sql, seconds: Prisma.Sql) => Prisma.sql`${slaMeasuredSql(hours, end)} <= ${seconds}`;

const SLA_TARGETS = {
  first_response: { at: Prisma.sql`t.first_response_at`, seconds: Prisma.sql`first_response_seconds`, hours: Prisma.sql`first_response_hours` },
  resolution: { at: Prisma.sql`t.resolved_at`, seconds: Prisma.sql`resolution_seconds`, hours: Prisma.sql`resolution_hours` },
} as const;

/**
 * The ticket `t`'s outcome against its priority's target as text: 'none' without a target, 'met'
 * or 'missed' once it was answered (resolved), as this family counts them; before that 'missed'
 * once the target has passed by `now`, and NULL while it still may be met. `policy` is the alias of
 * the ticket's sla_policies row (a LEFT JOIN on its priority); needs TICKET_SCHEDULE_JOIN.
 */
export function slaOutcomeSql(policy: Prisma.Sql, target: keyof typeof SLA_TARGETS, now: Date): Prisma.Sql {
  const { at, seconds, hours } = SLA_TARGETS[target];
  const [s, h] = [Prisma.sql`${policy}.${seconds}`, Prisma.sql`${policy}.${hours}`];
  return Prisma.sql`(CASE WHEN ${s} IS NULL THEN 'none'
    WHEN ${at} IS NOT NULL THEN CASE WHEN ${metSql(h, at, s)} THEN 'met' ELSE 'missed' END
    WHEN NOT (${metSql(h, Prisma.sql`${now}::timestamptz`, s)}) THEN 'missed' END)`;
}

/** The SLA outcomes of the tickets whose first response (resolution) is in `ranges`, as the ticket rollup's columns. */
function measuresSql(q: KpiQuery, ranges: TimeRanges, where: Prisma.Sql): Prisma.Sql {
  const g = (timestamp: Prisma.Sql) => groupKey(q.grouping, TICKET_COLUMNS, timestamp);
  return Prisma.sql`
    SELECT ${g(Prisma.sql`t.first_response_at`)} AS g, 1 AS sla_fr_n,
           CASE WHEN ${metSql(Prisma.sql`p.first_response_hours`, Prisma.sql`t.first_response_at`, Prisma.sql`p.first_response_seconds`)} THEN 1 ELSE 0 END AS sla_fr_met,
           0 AS sla_res_n, 0 AS sla_res_met
    FROM tickets t JOIN sla_policies p ON p.priority = t.priority AND p.first_response_seconds IS NOT NULL ${TICKET_SCHEDULE_JOIN}
    WHERE ${inRanges(Prisma.sql`t.first_response_at`, ranges)} ${where}
    UNION ALL
    SELECT ${g(Prisma.sql`t.resolved_at`)}, 0, 0, 1,
           CASE WHEN ${metSql(Prisma.sql`p.resolution_hours`, Prisma.sql`t.resolved_at`, Prisma.sql`p.resolution_seconds`)} THEN 1 ELSE 0 END
    FROM tickets t JOIN sla_policies p ON p.priority = t.priority AND p.resolution_seconds IS NOT NULL ${TICKET_SCHEDULE_JOIN}
    WHERE ${inRanges(Prisma.sql`t.resolved_at`, ranges)} ${where}`;
}

/**
 * SLA achievement: of the tickets whose first response (resolution) is in the window and whose
 * priority has a target, the share measured within it, each on the policy's own clock (calendar
 * or business hours). Tickets of a priority without a target are outside the SLA, not failures.
 * The outcomes are columns of the ticket rollups, read where they cover the window and were
 * computed under the policies and schedules in force; raw rows elsewhere.
 */
export async function computeSlaKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, TICKET_COLUMNS);
  const coverage = coverageOf(q, usableRollup(q.rollups?.tickets, "business"), SLA_ROLLUP_TABLES);
  // A group exists where a ticket with a target is: rollup rows of tickets without one add none.
  const rows = await prisma.$queryRaw<SlaRow[]>`
    WITH measures AS (
      ${measuresSql(q, coverage.raw, where)}
      ${rolledUpSql(q, coverage, SLA_ROLLUP_TABLES)}
    )
    SELECT g, sum(sla_fr_n) AS fr_n, sum(sla_fr_met) AS fr_met, sum(sla_res_n) AS res_n, sum(sla_res_met) AS res_met
    FROM measures GROUP BY g HAVING sum(sla_fr_n) + sum(sla_res_n) > 0`;
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
