import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { TICKET_COLUMNS } from "../families/ticket-columns";
import { TICKET_ROLLUP } from "../families/ticket-kpis";
import { bucketBoundaries, filterConditions, groupKey, type DimensionColumns, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { count } from "../kpi-result";
import { coverageOf, rolledUpSql, usableRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { inRanges, planCoverage } from "../rollups/rollup-coverage";
import { dimensionConditionSql, testedFields, testsOnlyDimensions } from "./dimension-condition-sql";
import type { TypedCondition, TypedNode } from "./formula-tree";

/**
 * The bases of `tickets by …` the ticket rollup counts: the timestamp that puts a ticket in the
 * window (and whose index the raw rows are read through), and the rollup column counting the same
 * tickets, as lib/kpi/families/ticket-kpis.ts fills it.
 */
const BASES = {
  created: { timestamp: Prisma.sql`t.created_at`, measure: Prisma.sql`volume` },
  solved: { timestamp: Prisma.sql`t.resolved_at`, measure: Prisma.sql`solved` },
  first_answered: { timestamp: Prisma.sql`t.first_response_at`, measure: Prisma.sql`frt_n` },
} as const;

const HOURLY_DIMENSIONS = new Set(Object.keys(TICKET_ROLLUP.tables.hourly.columns));
const DAILY_DIMENSIONS = new Set(Object.keys(TICKET_ROLLUP.tables.daily.columns));

export type TicketAggregate = Extract<TypedNode, { kind: "aggregate" }> & { op: "count" | "share"; set: { basis: keyof typeof BASES } };

/** One group's value of an aggregate, in the tree's measure (a share is a fraction). */
export interface AggregateGroup {
  /** As the families key groups: '' ungrouped, the 1-based bucket number, or the externalId / channel / priority. */
  key: string | null;
  value: number | null;
  n: number;
  numerator?: number;
  denominator?: number;
}

const conditionsOf = (node: Extract<TypedNode, { kind: "aggregate" }>) => [node.set.where, node.matching].filter((c): c is TypedCondition => c !== null);

/**
 * Whether an aggregate is a count or share of tickets by created, solved or first answered whose
 * conditions test only the dimensions the ticket rollup keys (team, agent, channel, priority):
 * what computeTicketAggregate computes.
 */
export function isRolledUpTicketAggregate(node: TypedNode): node is TicketAggregate {
  return (
    node.kind === "aggregate" && (node.op === "count" || node.op === "share") && node.set.name === "tickets" &&
    Object.hasOwn(BASES, node.set.basis) && conditionsOf(node).every((c) => testsOnlyDimensions(c, HOURLY_DIMENSIONS))
  );
}

/**
 * A count or share of tickets, per group of the query, in one statement: the ticket rollup's
 * counts where it covers the window (its daily level only when the formula tests no dimension
 * the daily level lacks), the raw rows through the basis's index elsewhere, as the built-in ticket
 * KPIs read them. The query's own filters apply on top of the formula's. The rollups' state is
 * the query's (`q.rollups`, as getKpiSnapshot loads it); without one everything is read raw.
 */
export async function computeTicketAggregate(prisma: PrismaClient, node: TicketAggregate, q: KpiQuery): Promise<AggregateGroup[]> {
  const basis = BASES[node.set.basis];
  const tables: RollupTables = { ...TICKET_ROLLUP.tables, sums: Prisma.sql`sum(${basis.measure})::int AS ${basis.measure}` };
  // Counts are on no clock: any rollup state serves them.
  const state = usableRollup(q.rollups?.tickets, "calendar");
  const daily = conditionsOf(node).every((c) => testsOnlyDimensions(c, DAILY_DIMENSIONS));
  const coverage = daily ? coverageOf(q, state, tables) : planCoverage(q, state, bucketBoundaries(q.grouping), false);

  const counted = (condition: TypedCondition | null) => {
    // The daily level lacks priority: a formula testing it reads no days (planCoverage above), and
    // that level's branch, over no ranges, is given a condition it can compile.
    const test = condition
      ? (columns: DimensionColumns) => (testsOnlyDimensions(condition, new Set(Object.keys(columns))) ? dimensionConditionSql(condition, columns) : Prisma.sql`false`)
      : undefined;
    return Prisma.sql`
      SELECT g, sum(${basis.measure}) AS n FROM (
        SELECT ${groupKey(q.grouping, TICKET_COLUMNS, basis.timestamp)} AS g, count(*)::int AS ${basis.measure}
        FROM tickets t
        WHERE ${inRanges(basis.timestamp, coverage.raw)} ${filterConditions(q.filters, TICKET_COLUMNS)}
          ${test ? Prisma.sql`AND ${test(TICKET_COLUMNS)}` : Prisma.empty}
        GROUP BY 1
        ${rolledUpSql(q, coverage, tables, test, condition ? testedFields(condition) : [])}
      ) counted GROUP BY g`;
  };

  if (node.op === "count") {
    const rows = await prisma.$queryRaw<{ g: string | null; n: unknown }[]>`${counted(node.set.where)}`;
    return groupsOf(rows, q.grouping, (row) => ({ value: count(row?.n), n: count(row?.n) }));
  }
  const where = node.set.where;
  const matching = where ? { kind: "and" as const, parts: [where, node.matching!] } : node.matching!;
  const rows = await prisma.$queryRaw<{ g: string | null; n: unknown; matched: unknown }[]>`
    WITH base AS (${counted(where)}), matched AS (${counted(matching)})
    SELECT base.g, base.n, matched.n AS matched FROM base LEFT JOIN matched ON matched.g IS NOT DISTINCT FROM base.g`;
  return groupsOf(rows, q.grouping, (row) => {
    const n = count(row?.n);
    const matched = count(row?.matched);
    return { value: n > 0 ? matched / n : null, n, numerator: matched, denominator: n };
  });
}

/** One group when ungrouped, every bucket in order for time buckets (empty ones included), and the groups with rows otherwise. */
export function groupsOf<Row extends { g: string | null }, G extends Omit<AggregateGroup, "key">>(
  rows: Row[],
  grouping: KpiGrouping,
  toGroup: (row: Row | undefined) => G,
): (G & { key: string | null })[] {
  const byKey = new Map(rows.map((row) => [row.g, row]));
  if (grouping.by === "none") return [{ key: "", ...toGroup(byKey.get("")) }];
  if (grouping.by === "time") return grouping.buckets.map((_, i) => ({ key: String(i + 1), ...toGroup(byKey.get(String(i + 1))) }));
  return rows.map((row) => ({ key: row.g, ...toGroup(row) }));
}
