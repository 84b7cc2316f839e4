import { Prisma } from "@/lib/generated/prisma/client";

import type { DimensionColumns } from "../kpi-query";
import type { TypedCondition } from "./formula-tree";

/** Dimensions named by externalId, through their table; the others (channel, priority) are compared as text. */
const LOOKUP_TABLES = { team: Prisma.sql`teams`, agent: Prisma.sql`agents`, queue: Prisma.sql`queues` } as const;

type DimensionName = keyof DimensionColumns;
const DIMENSION_NAMES = new Set<string>(["team", "agent", "channel", "queue", "priority"] satisfies DimensionName[]);

/** `column` (a team, agent or queue id; a channel or priority) is one of `values` (externalIds; names). */
export function dimensionMatchSql(name: string, column: Prisma.Sql, values: string[]): Prisma.Sql {
  const table = Object.hasOwn(LOOKUP_TABLES, name) ? LOOKUP_TABLES[name as keyof typeof LOOKUP_TABLES] : null;
  return table
    ? Prisma.sql`${column} IN (SELECT id FROM ${table} WHERE external_id = ANY(${values}::text[]))`
    : Prisma.sql`${column}::text = ANY(${values}::text[])`;
}

/**
 * Whether a condition tests only dimensions among `available` (with `and`, `or`, `not`, `=`, `!=`,
 * `in`): then it can be applied to rollup rows as well as to raw rows.
 */
export function testsOnlyDimensions(condition: TypedCondition, available: ReadonlySet<string>): boolean {
  switch (condition.kind) {
    case "and":
    case "or":
      return condition.parts.every((part) => testsOnlyDimensions(part, available));
    case "not":
      return testsOnlyDimensions(condition.operand, available);
    case "in":
      return DIMENSION_NAMES.has(condition.field.name) && available.has(condition.field.name);
    case "compare":
    case "flag":
      return false;
  }
}

/** The fields a condition tests. */
export function testedFields(condition: TypedCondition): string[] {
  switch (condition.kind) {
    case "and":
    case "or":
      return condition.parts.flatMap(testedFields);
    case "not":
      return testedFields(condition.operand);
    default:
      return [condition.field.name];
  }
}

/**
 * A condition on dimensions as bound SQL over `columns` (a raw table's or a rollup level's): values
 * are parameters, never text. `!=` and `not` count a record without the dimension (no team) as not
 * equal, so `team != "T-1"` and `not team = "T-1"` include the unassigned.
 */
export function dimensionConditionSql(condition: TypedCondition, columns: DimensionColumns): Prisma.Sql {
  switch (condition.kind) {
    case "and":
    case "or":
      return Prisma.sql`(${Prisma.join(condition.parts.map((part) => dimensionConditionSql(part, columns)), condition.kind === "and" ? " AND " : " OR ")})`;
    case "not":
      return Prisma.sql`NOT coalesce(${dimensionConditionSql(condition.operand, columns)}, false)`;
    case "in": {
      const name = condition.field.name as DimensionName;
      const column = columns[name];
      if (!column) throw new Error(`no column for the dimension ${name}: testsOnlyDimensions should have kept this condition from SQL`);
      const match = dimensionMatchSql(name, column, condition.values);
      return condition.negated ? Prisma.sql`NOT coalesce(${match}, false)` : match;
    }
    case "compare":
    case "flag":
      throw new Error(`a ${condition.kind} condition on ${condition.field.name} is not a dimension: testsOnlyDimensions should have kept it from SQL`);
  }
}
