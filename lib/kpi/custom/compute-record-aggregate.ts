import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import type { HoursBasis, KpiGrouping, KpiQuery } from "../kpi-query";
import { count, num } from "../kpi-result";
import { groupsOf, type AggregateGroup } from "./compute-ticket-aggregate";
import type { TypedCondition, TypedField, TypedNode } from "./formula-tree";
import { clockOf, conditionSql, fieldSql, numberSql, recordSource, type RecordSource } from "./record-set-sql";

export type AggregateNode = Extract<TypedNode, { kind: "aggregate" }>;

/** An aggregate's group, with the median and p90 of its field beside a mean when asked for. */
export interface RecordAggregateGroup extends AggregateGroup {
  median?: number | null;
  p90?: number | null;
}

function fieldsOf(condition: TypedCondition | null): TypedField[] {
  if (!condition) return [];
  switch (condition.kind) {
    case "and":
    case "or":
      return condition.parts.flatMap(fieldsOf);
    case "not":
      return fieldsOf(condition.operand);
    default:
      return [condition.field];
  }
}

/** The clocks the aggregate reads its durations on. */
function clocksOf(node: AggregateNode, q: KpiQuery): Set<HoursBasis> {
  const fields = [...fieldsOf(node.set.where), ...fieldsOf(node.matching), ...(node.field ? [node.field] : [])];
  return new Set(fields.filter((f) => f.type.type === "duration").map((f) => clockOf(f, q)));
}

/** The aggregate's value column over the source's rows in one group, in the tree's measure. */
function valueSql(node: AggregateNode, source: RecordSource, q: KpiQuery): Prisma.Sql {
  if (node.op === "count" || node.op === "share") return Prisma.sql`NULL::numeric`;
  const field = node.field!;
  if (node.op === "distinct") return Prisma.sql`count(DISTINCT ${fieldSql(source, field, q)})`;
  const x = numberSql(source, field, q);
  switch (node.op) {
    // Sums in numeric, as the families sum: exact, whatever order the rows come in.
    case "sum":
      return Prisma.sql`coalesce(sum((${x})::numeric), 0)`;
    case "mean":
      return Prisma.sql`sum((${x})::numeric) / nullif(count(${x}), 0)`;
    case "median":
      return Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY (${x})::float8)`;
    case "p90":
      return Prisma.sql`percentile_cont(0.9) WITHIN GROUP (ORDER BY (${x})::float8)`;
    case "max":
      return Prisma.sql`max(${x})`;
  }
}

interface Row {
  g: string | null;
  n: unknown;
  value: unknown;
  matched: unknown;
  median: unknown;
  p90: unknown;
}

/**
 * Any aggregate over any record set, per group of `grouping`, in one statement over the raw rows
 * of the set's basis in the window (lib/kpi/custom/record-set-sql.ts), the query's filters on top
 * of the formula's conditions. `spread` adds the median and p90 of the aggregate's field, exact
 * (percentile_cont, as the families compute them exactly).
 */
export async function computeRecordAggregate(
  prisma: PrismaClient,
  node: AggregateNode,
  q: KpiQuery,
  grouping: KpiGrouping,
  spread = false,
): Promise<RecordAggregateGroup[]> {
  const source = recordSource(node.set, q, grouping, clocksOf(node, q));
  const where = node.set.where ? Prisma.sql`AND ${conditionSql(node.set.where, source, q)}` : Prisma.empty;
  const matched = node.matching ? Prisma.sql`count(*) FILTER (WHERE ${conditionSql(node.matching, source, q)})` : Prisma.sql`NULL::bigint`;
  const x = spread && node.field ? Prisma.sql`(${numberSql(source, node.field, q)})::float8` : null;
  const spreadColumns = x
    ? Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${x}) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY ${x}) AS p90`
    : Prisma.sql`NULL::float8 AS median, NULL::float8 AS p90`;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT ${source.g} AS g, count(*) AS n, ${valueSql(node, source, q)} AS value, ${matched} AS matched, ${spreadColumns}
    FROM ${source.from}
    WHERE ${source.where} ${where}
    GROUP BY 1`;
  return groupsOf(rows, grouping, (row) => {
    const n = count(row?.n);
    const spreads = x ? { median: num(row?.median), p90: num(row?.p90) } : {};
    switch (node.op) {
      case "count":
        return { value: n, n };
      case "share": {
        const hits = count(row?.matched);
        return { value: n > 0 ? hits / n : null, n, numerator: hits, denominator: n };
      }
      case "sum":
      case "distinct":
        return { value: count(row?.value), n };
      default:
        return { value: num(row?.value), n, ...spreads };
    }
  });
}

/** Whether the aggregate's value over no records is 0 (a count, a sum) rather than none. */
export const countsToZero = (node: AggregateNode) => node.op === "count" || node.op === "sum" || node.op === "distinct";
