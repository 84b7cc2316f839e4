import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { CALL_ROLLUP } from "../families/call-kpis";
import { SURVEY_ROLLUP } from "../families/survey-kpis";
import type { DimensionColumns, KpiGrouping, KpiQuery } from "../kpi-query";
import { count } from "../kpi-result";
import { coverageOf, rolledUpSql, type RollupTables } from "../rollups/rolled-up-sql";
import type { RollupState } from "../rollups/rollup-coverage";
import type { AggregateNode } from "./compute-record-aggregate";
import { groupsOf, type AggregateGroup } from "./compute-ticket-aggregate";
import { dimensionConditionSql, testedFields, testsOnlyDimensions } from "./dimension-condition-sql";
import type { TypedCondition } from "./formula-tree";
import { conditionSql, recordSource } from "./record-set-sql";

/**
 * A record set whose rollup counts some of its records: which rollup state a query may read, the
 * formula fields that are the rollup's dimensions, the conditions its extra key column answers
 * (surveys: kind), and which measure column counts the records meeting which other conditions
 * (a conjunction, named by its conditions in order, as `conditionName` names them).
 */
interface RolledUpSet {
  tables: RollupTables;
  state(q: KpiQuery): RollupState | undefined;
  dimensions: ReadonlySet<string>;
  keyCondition?: (c: TypedCondition) => Prisma.Sql | null;
  measures: Readonly<Record<string, Prisma.Sql>>;
}

// The call rollup's counts are those of calls_handled, aht, abandonment and service level, with the
// call family's own conditions (lib/kpi/families/call-kpis.ts, callFacts); read, as the family reads
// them, only while they were counted with the query's service-level threshold.
const CALLS: RolledUpSet = {
  tables: CALL_ROLLUP.tables,
  state: (q) => (q.rollups?.calls?.serviceLevelSeconds === q.serviceLevelSeconds ? q.rollups.calls : undefined),
  dimensions: new Set(["team", "agent", "queue"]),
  measures: {
    "answered": Prisma.sql`aht_n`,
    "answered & direction = inbound": Prisma.sql`handled`,
    "offered": Prisma.sql`offered`,
    "abandoned": Prisma.sql`abandoned`,
    "abandoned & offered": Prisma.sql`abandoned`,
    "within_service_level": Prisma.sql`within`,
    "offered & within_service_level": Prisma.sql`within`,
  },
};

// Survey rollup rows are per kind; its counts are of every response and of the score bands CSAT
// and NPS count (lib/kpi/families/survey-kpis.ts).
const SURVEYS: RolledUpSet = {
  tables: SURVEY_ROLLUP.tables,
  state: (q) => q.rollups?.surveys,
  dimensions: new Set(["team", "agent", "channel"]),
  keyCondition: (c) => {
    if (c.kind !== "in" || c.field.name !== "kind") return null;
    const match = Prisma.sql`ru.kind::text = ANY(${c.values}::text[])`;
    return c.negated ? Prisma.sql`NOT ${match}` : match;
  },
  measures: { "": Prisma.sql`n`, "score >= 4": Prisma.sql`satisfied`, "score >= 9": Prisma.sql`promoters`, "score <= 6": Prisma.sql`detractors` },
};

const ROLLED_UP_SETS: Partial<Record<string, RolledUpSet>> = { calls: CALLS, surveys: SURVEYS };

const conjuncts = (c: TypedCondition | null): TypedCondition[] => (!c ? [] : c.kind === "and" ? c.parts.flatMap(conjuncts) : [c]);

function conditionName(c: TypedCondition): string | null {
  switch (c.kind) {
    case "flag":
      return c.field.name;
    case "in":
      return c.values.length === 1 ? `${c.field.name} ${c.negated ? "!=" : "="} ${c.values[0]}` : null;
    case "compare":
      return `${c.field.name} ${c.op} ${c.value}`;
    default:
      return null;
  }
}

/** The records of a set meeting `conditions`, as a rollup measure over rows meeting dimension and key conditions. */
interface Part {
  conditions: TypedCondition[];
  measure: Prisma.Sql;
  rows: TypedCondition[];
  keys: Prisma.Sql[];
}

function partOf(set: RolledUpSet, conditions: TypedCondition[]): Part | null {
  const rows: TypedCondition[] = [];
  const keys: Prisma.Sql[] = [];
  const names: string[] = [];
  for (const c of conditions) {
    const key = set.keyCondition?.(c);
    if (key) keys.push(key);
    else if (testsOnlyDimensions(c, set.dimensions)) rows.push(c);
    else {
      const name = conditionName(c);
      if (name === null) return null;
      names.push(name);
    }
  }
  const measure = set.measures[[...new Set(names)].sort().join(" & ")];
  return measure ? { conditions, measure, rows, keys } : null;
}

export interface RolledUpCount {
  set: RolledUpSet;
  base: Part;
  matched: Part | null;
}

/** How a count or share of calls or surveys is read from its rollup, when its conditions are ones a rollup column counts. */
export function rolledUpCount(node: AggregateNode): RolledUpCount | null {
  const set = ROLLED_UP_SETS[node.set.name];
  if (!set || (node.op !== "count" && node.op !== "share")) return null;
  const where = conjuncts(node.set.where);
  const base = partOf(set, where);
  if (!base) return null;
  if (node.op === "count") return { set, base, matched: null };
  const matched = partOf(set, [...where, ...conjuncts(node.matching)]);
  return matched ? { set, base, matched } : null;
}

/**
 * A count or share of calls or surveys in one statement, as the families read theirs: the rollup's
 * counts where it covers the window, the raw rows (lib/kpi/custom/record-set-sql.ts) elsewhere.
 */
export async function computeRolledUpCount(prisma: PrismaClient, node: AggregateNode, plan: RolledUpCount, q: KpiQuery, grouping: KpiGrouping): Promise<AggregateGroup[]> {
  const gq = { ...q, grouping };
  const coverage = coverageOf(gq, plan.set.state(q), plan.set.tables);
  const source = recordSource(node.set, q, grouping, new Set(), coverage.raw);
  const extra = plan.set.tables.extraKeys ? Prisma.sql`, ${plan.set.tables.extraKeys}` : Prisma.empty;
  const counted = (part: Part) => {
    const tables = { ...plan.set.tables, sums: Prisma.sql`sum(${part.measure})::int AS ${part.measure}` };
    const test = (columns: DimensionColumns) => Prisma.join([...part.rows.map((c) => dimensionConditionSql(c, columns)), ...part.keys, Prisma.sql`true`], " AND ");
    const tested = part.conditions.map((c) => conditionSql(c, source, q));
    return Prisma.sql`
      SELECT g, sum(${part.measure}) AS n FROM (
        SELECT ${source.g} AS g${extra}, count(*)::int AS ${part.measure}
        FROM ${source.from}
        WHERE ${source.where} AND ${Prisma.join([...tested, Prisma.sql`true`], " AND ")}
        GROUP BY 1${extra}
        ${rolledUpSql(gq, coverage, tables, test, part.rows.flatMap(testedFields))}
      ) counted GROUP BY g`;
  };
  if (!plan.matched) {
    const rows = await prisma.$queryRaw<{ g: string | null; n: unknown }[]>`${counted(plan.base)}`;
    return groupsOf(rows, grouping, (row) => ({ value: count(row?.n), n: count(row?.n) }));
  }
  const rows = await prisma.$queryRaw<{ g: string | null; n: unknown; matched: unknown }[]>`
    WITH base AS (${counted(plan.base)}), matched AS (${counted(plan.matched)})
    SELECT base.g, base.n, matched.n AS matched FROM base LEFT JOIN matched ON matched.g IS NOT DISTINCT FROM base.g`;
  return groupsOf(rows, grouping, (row) => {
    const n = count(row?.n);
    const hits = count(row?.matched);
    return { value: n > 0 ? hits / n : null, n, numerator: hits, denominator: n };
  });
}
