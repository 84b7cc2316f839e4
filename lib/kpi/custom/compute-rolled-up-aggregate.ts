import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { CALL_ROLLUP } from "../families/call-kpis";
import { REPLY_ROLLUP } from "../families/reply-kpis";
import { SURVEY_ROLLUP } from "../families/survey-kpis";
import { TICKET_ROLLUP } from "../families/ticket-kpis";
import { bucketBoundaries, type DimensionColumns, type HoursBasis, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { count, num } from "../kpi-result";
import { coverageOf, rolledUpSql, usableRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { planCoverage, type RollupState } from "../rollups/rollup-coverage";
import type { AggregateNode } from "./compute-record-aggregate";
import { groupsOf, type AggregateGroup } from "./compute-ticket-aggregate";
import { dimensionConditionSql, testedFields, testsOnlyDimensions } from "./dimension-condition-sql";
import type { TypedCondition } from "./formula-tree";
import { clockOf, conditionSql, numberSql, recordSource } from "./record-set-sql";

/** A rollup's count of the records meeting a conjunction, and the sum of a field over them. */
interface Measure {
  count: Prisma.Sql;
  /** By the clock the field is read on; absent for a count. */
  sum?: Partial<Record<HoursBasis, Prisma.Sql>>;
}

/**
 * A record set whose rollup counts (and sums a field over) some of its records: which rollup state
 * a query on a clock may read, the formula fields that are the rollup's dimensions (and those its
 * days keep), the conditions its extra key column answers (surveys: kind), and its measures: by
 * basis, by the field summed ('' for a count) and by the other conditions of the conjunction
 * (named in order, as `conditionName` names them), with the families' own meaning.
 */
interface RolledUpSet {
  tables: RollupTables;
  state(q: KpiQuery, clock: HoursBasis): RollupState | undefined;
  dimensions: ReadonlySet<string>;
  dailyDimensions: ReadonlySet<string>;
  keyCondition?: (c: TypedCondition) => Prisma.Sql | null;
  measures: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, Measure>>>>>>;
}

const sql = Prisma.sql;
const both = (calendar: Prisma.Sql, business: Prisma.Sql) => ({ calendar, business });

// Ticket counts on dimensions alone are computeTicketAggregate's; here the sums the ticket KPIs read.
const TICKETS: RolledUpSet = {
  tables: TICKET_ROLLUP.tables,
  state: (q, clock) => usableRollup(q.rollups?.tickets, clock),
  dimensions: new Set(Object.keys(TICKET_ROLLUP.tables.hourly.columns)),
  dailyDimensions: new Set(Object.keys(TICKET_ROLLUP.tables.daily.columns)),
  measures: {
    solved: {
      resolution: { "": { count: sql`solved`, sum: both(sql`art_sum`, sql`art_bsum`) } },
      touches: { "": { count: sql`solved`, sum: { calendar: sql`touches`, business: sql`touches` } } },
    },
    first_answered: { first_response: { "": { count: sql`frt_n`, sum: both(sql`frt_sum`, sql`frt_bsum`) } } },
  },
};

const REPLIES: RolledUpSet = {
  tables: REPLY_ROLLUP.tables,
  state: (q, clock) => usableRollup(q.rollups?.replies, clock),
  dimensions: new Set(Object.keys(REPLY_ROLLUP.tables.hourly.columns)),
  dailyDimensions: new Set(Object.keys(REPLY_ROLLUP.tables.daily.columns)),
  measures: { replied: { "": { "": { count: sql`n` } }, wait: { "": { count: sql`n`, sum: both(sql`wait_sum`, sql`wait_bsum`) } } } },
};

// The call rollup's measures are those of calls_handled, aht, asa, abandonment and service level,
// with the call family's own conditions (callFacts); read, as the family reads them, only while
// they were counted with the query's service-level threshold.
const CALL_COUNTS: Record<string, Measure> = {
  "answered": { count: sql`aht_n` },
  "answered & direction = inbound": { count: sql`handled` },
  "offered": { count: sql`offered` },
  "abandoned": { count: sql`abandoned` },
  "abandoned & offered": { count: sql`abandoned` },
  "within_service_level": { count: sql`within` },
  "offered & within_service_level": { count: sql`within` },
};
const CALLS: RolledUpSet = {
  tables: CALL_ROLLUP.tables,
  state: (q) => (q.rollups?.calls?.serviceLevelSeconds === q.serviceLevelSeconds ? q.rollups.calls : undefined),
  dimensions: new Set(["team", "agent", "queue"]),
  dailyDimensions: new Set(["team", "agent", "queue"]),
  measures: {
    ended: {
      "": CALL_COUNTS,
      handle: { "answered": { count: sql`aht_n`, sum: { calendar: sql`aht_sum` } } },
      answer_wait: { "answered & direction = inbound": { count: sql`handled`, sum: { calendar: sql`asa_sum` } } },
    },
  },
};

// Survey rollup rows are per kind; its counts are of every response and of the score bands CSAT
// and NPS count.
const SURVEYS: RolledUpSet = {
  tables: SURVEY_ROLLUP.tables,
  state: (q) => q.rollups?.surveys,
  dimensions: new Set(["team", "agent", "channel"]),
  dailyDimensions: new Set(["team", "agent", "channel"]),
  keyCondition: (c) => {
    if (c.kind !== "in" || c.field.name !== "kind") return null;
    const match = sql`ru.kind::text = ANY(${c.values}::text[])`;
    return c.negated ? sql`NOT ${match}` : match;
  },
  measures: {
    responded: {
      "": { "": { count: sql`n` }, "score >= 4": { count: sql`satisfied` }, "score >= 9": { count: sql`promoters` }, "score <= 6": { count: sql`detractors` } },
      score: { "": { count: sql`n`, sum: { calendar: sql`score_sum` } } },
    },
  },
};

const ROLLED_UP_SETS: Partial<Record<string, RolledUpSet>> = { tickets: TICKETS, replies: REPLIES, calls: CALLS, surveys: SURVEYS };

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
  measure: Measure;
  rows: TypedCondition[];
  keys: Prisma.Sql[];
}

function partOf(set: RolledUpSet, measures: Readonly<Record<string, Measure>> | undefined, conditions: TypedCondition[]): Part | null {
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
  const measure = measures?.[[...new Set(names)].sort().join(" & ")];
  return measure ? { conditions, measure, rows, keys } : null;
}

export interface RolledUpPlan {
  set: RolledUpSet;
  base: Part;
  matched: Part | null;
  /** The clock the rollup is read on: the summed duration's, else any (the calendar's). */
  clock: HoursBasis;
}

/**
 * How an aggregate is read from its set's rollup: a count or share of calls, surveys or replies
 * whose conditions a rollup column counts, or a sum or mean of a field the rollup sums (ticket
 * durations and touches, reply waits, handle time and speed of answer, scores); null otherwise.
 */
export function rolledUpPlan(node: AggregateNode, q: KpiQuery): RolledUpPlan | null {
  const set = ROLLED_UP_SETS[node.set.name];
  if (!set) return null;
  const byField = set.measures[node.set.basis];
  const where = conjuncts(node.set.where);
  if (node.op === "sum" || node.op === "mean") {
    const field = node.field!;
    const clock = clockOf(field, q);
    const base = partOf(set, byField?.[field.name], where);
    return base?.measure.sum?.[clock] ? { set, base, matched: null, clock } : null;
  }
  // Ticket counts are computeTicketAggregate's, with its own choice of levels.
  if ((node.op !== "count" && node.op !== "share") || set === TICKETS) return null;
  const base = partOf(set, byField?.[""], where);
  if (!base) return null;
  if (node.op === "count") return { set, base, matched: null, clock: "calendar" };
  const matched = partOf(set, byField?.[""], [...where, ...conjuncts(node.matching)]);
  return matched ? { set, base, matched, clock: "calendar" } : null;
}

/**
 * A rolled-up aggregate in one statement, as the families read theirs: the rollup's counts and sums
 * where it covers the window (hours only when a condition tests a dimension its days lack), the
 * raw rows (lib/kpi/custom/record-set-sql.ts) elsewhere; a mean is the summed sum over the summed
 * count, in numeric, as the families divide.
 */
export async function computeRolledUpAggregate(prisma: PrismaClient, node: AggregateNode, plan: RolledUpPlan, q: KpiQuery, grouping: KpiGrouping): Promise<AggregateGroup[]> {
  const gq = { ...q, grouping };
  const state = plan.set.state(q, plan.clock);
  const tested = [plan.base, plan.matched].flatMap((part) => part?.rows.flatMap(testedFields) ?? []);
  const coverage = tested.every((d) => plan.set.dailyDimensions.has(d))
    ? coverageOf(gq, state, plan.set.tables)
    : planCoverage(gq, state, bucketBoundaries(grouping), false);
  const source = recordSource(node.set, q, grouping, new Set([plan.clock]), coverage.raw);
  const extra = plan.set.tables.extraKeys ? sql`, ${plan.set.tables.extraKeys}` : Prisma.empty;
  const counted = (part: Part) => {
    const { count: n, sum } = part.measure;
    const summed = sum?.[plan.clock];
    const total = summed && node.field ? sql`, coalesce(sum((${numberSql(source, node.field, q)})::numeric), 0) AS ${summed}` : Prisma.empty;
    const tables = { ...plan.set.tables, sums: summed ? sql`sum(${n})::int AS ${n}, sum(${summed}) AS ${summed}` : sql`sum(${n})::int AS ${n}` };
    // A level without a dimension the conditions test serves no ranges (see the coverage above), and
    // is given a condition it can compile.
    const test = (columns: DimensionColumns) => {
      const available = new Set(Object.keys(columns));
      if (!part.rows.every((c) => testsOnlyDimensions(c, available))) return sql`false`;
      return Prisma.join([...part.rows.map((c) => dimensionConditionSql(c, columns)), ...part.keys, sql`true`], " AND ");
    };
    return sql`
      SELECT g, sum(${n}) AS n, ${summed ? sql`sum(${summed}) AS total, sum(${summed}) / nullif(sum(${n}), 0)` : sql`NULL::numeric AS total, NULL::numeric`} AS mean FROM (
        SELECT ${source.g} AS g${extra}, count(*)::int AS ${n}${total}
        FROM ${source.from}
        WHERE ${source.where} AND ${Prisma.join([...part.conditions.map((c) => conditionSql(c, source, q)), sql`true`], " AND ")}
        GROUP BY 1${extra}
        ${rolledUpSql(gq, coverage, tables, test, part.rows.flatMap(testedFields))}
      ) counted GROUP BY g`;
  };
  if (!plan.matched) {
    const rows = await prisma.$queryRaw<{ g: string | null; n: unknown; total: unknown; mean: unknown }[]>`${counted(plan.base)}`;
    return groupsOf(rows, grouping, (row) => {
      const n = count(row?.n);
      if (node.op === "count") return { value: n, n };
      return { value: node.op === "sum" ? count(row?.total) : num(row?.mean), n };
    });
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
