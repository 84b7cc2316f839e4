import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { assembleGroups, filterConditions, groupKey, measureGrouping, type GroupResults, type KpiQuery } from "../kpi-query";
import { count, ratio, type KpiResult } from "../kpi-result";
import { coverageOf, daysHolding, rolledUpSpan, type FamilyRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { hourOf, inRanges, toTimeRanges, type TimeRanges } from "../rollups/rollup-coverage";
import {
  DISTINCT_SKETCH_REGISTERS, distinctRegisterSql, emptyDistinctSketch, estimateDistinct, EXACT_DISTINCT_UP_TO, mergeDense, mergeSparse, type DistinctSketch,
} from "../sketches/distinct-sketch";

type Tx = Pick<PrismaClient, "$executeRaw" | "$queryRaw">;

const ROLLUP: RollupTables = {
  hourly: { table: Prisma.sql`kb_rollup`, columns: {} },
  daily: { table: Prisma.sql`kb_rollup_daily`, columns: {} },
  measures: Prisma.sql`views`,
  sums: Prisma.sql`sum(views)::int AS views`,
};

const VISITOR = distinctRegisterSql(Prisma.sql`visitor`);

/**
 * Each register's highest rank and the views, per key, of the views whose viewedAt is in
 * `ranges`: registers and ranks as int[] in register order.
 */
function sketchSql(ranges: TimeRanges, key: (timestamp: Prisma.Sql) => Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT g, sum(c)::int AS views, array_agg(r ORDER BY r) AS registers, array_agg(k ORDER BY r) AS ranks
    FROM (
      SELECT g, r, max(k) AS k, count(*) AS c
      FROM (
        SELECT ${key(Prisma.sql`viewed_at`)} AS g, ${VISITOR.register} AS r, ${VISITOR.rank} AS k
        FROM kb_views WHERE ${inRanges(Prisma.sql`viewed_at`, ranges)} ${where}
      ) v
      GROUP BY g, r
    ) per_register
    GROUP BY g`;
}

async function rebuildKnowledgeBaseHours(tx: Pick<PrismaClient, "$executeRaw">, ranges: TimeRanges): Promise<void> {
  await tx.$executeRaw`DELETE FROM kb_rollup ru WHERE ${inRanges(Prisma.sql`ru.hour`, ranges)}`;
  await tx.$executeRaw`
    INSERT INTO kb_rollup (hour, views, registers, ranks)
    ${sketchSql(ranges, hourOf, Prisma.empty)}`;
}

/** The local days of `ranges`, each its hours' views summed and their sketches merged into one dense sketch. */
async function rebuildKnowledgeBaseDays(tx: Tx, ranges: TimeRanges, timeZone: string): Promise<void> {
  const days = daysHolding(ranges, timeZone);
  if (days.length === 0) return;
  const starts = days.map(([s]) => new Date(s).toISOString());
  const ends = days.map(([, e]) => new Date(e).toISOString());
  await tx.$executeRaw`DELETE FROM kb_rollup_daily ru WHERE ${inRanges(Prisma.sql`ru.day`, toTimeRanges(days))}`;
  // Every register of a day in order, one byte each: those no visitor hashed to rank 0.
  await tx.$executeRaw`
    INSERT INTO kb_rollup_daily (day, views, visitors)
    SELECT d.day, v.views, s.visitors
    FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) AS d(day, day_end)
    JOIN LATERAL (SELECT sum(ru.views)::int AS views FROM kb_rollup ru WHERE ru.hour >= d.day AND ru.hour < d.day_end) v ON v.views IS NOT NULL
    CROSS JOIN LATERAL (
      SELECT decode(string_agg(lpad(to_hex(coalesce(m.k, 0)), 2, '0'), '' ORDER BY r.i), 'hex') AS visitors
      FROM generate_series(0, ${DISTINCT_SKETCH_REGISTERS - 1}::int) AS r(i)
      LEFT JOIN (
        SELECT x.r, max(x.k) AS k
        FROM kb_rollup ru CROSS JOIN LATERAL unnest(ru.registers, ru.ranks) AS x(r, k)
        WHERE ru.hour >= d.day AND ru.hour < d.day_end
        GROUP BY x.r
      ) m ON m.r = r.i
    ) s`;
}

async function rebuildAllKnowledgeBaseDays(tx: Tx, timeZone: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM kb_rollup_daily`;
  const span = await rolledUpSpan(tx, ROLLUP.hourly.table);
  if (span) await rebuildKnowledgeBaseDays(tx, span, timeZone);
}

export const KB_ROLLUP: FamilyRollup = {
  tables: ROLLUP,
  rebuildHours: rebuildKnowledgeBaseHours,
  days: { rebuild: rebuildKnowledgeBaseDays, rebuildAll: rebuildAllKnowledgeBaseDays },
};

interface ExactRow {
  g: string | null;
  views: unknown;
  visitors: unknown;
}

/** Arrays as their text form: a driver decodes an int[] element by element, far slower than a split. */
interface SketchRow {
  g: string | null;
  views: unknown;
  registers: string | null;
  ranks: string | null;
  visitors: Uint8Array | null;
}

const ints = (text: string) => text.slice(1, -1).split(",").map(Number);

/**
 * Views per visitor over views whose viewedAt is in the window. Views are summed from the
 * rollups; distinct visitors are counted exactly while the window holds at most
 * `exactDistinctUpTo` views, and beyond that estimated from the visitor sketches of its whole
 * days and hours and of its raw edges, merged (lib/kpi/sketches/distinct-sketch.ts); `distinct`
 * says which. Merging is exact, so a window's sketch is the one of all its raw views however
 * the rollups cut it. Knowledge-base views have no team, agent, channel or queue: any such filter leaves
 * no data.
 */
export async function computeKnowledgeBaseKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, {});
  const coverage = coverageOf(q, q.rollups?.knowledge_base, ROLLUP);
  const exactUpTo = q.exactDistinctUpTo ?? EXACT_DISTINCT_UP_TO;
  // Read raw throughout, an exact count costs what the sketch would.
  const rolledUp = coverage.days.starts.length + coverage.hours.starts.length > 0;
  if (rolledUp || exactUpTo === 0) {
    const sketched = await sketchedVisitors(prisma, q, coverage, where);
    if (sketched.views > exactUpTo || exactUpTo === 0) return sketched.groups;
  }
  const grouped = measureGrouping(q);
  const rows = await prisma.$queryRaw<ExactRow[]>`
    SELECT ${grouped.g}, count(*) AS views, count(DISTINCT visitor) AS visitors
    FROM (
      SELECT ${groupKey(q.grouping, {}, Prisma.sql`viewed_at`)} AS g, visitor
      FROM kb_views
      WHERE viewed_at >= ${q.from} AND viewed_at < ${q.to} ${where}
    ) v
    GROUP BY ${grouped.by}`;
  return assembleGroups(rows, q.grouping, (row) => viewsPerVisitor(count(row?.views), count(row?.visitors), "exact"));
}

async function sketchedVisitors(
  prisma: PrismaClient,
  q: KpiQuery,
  coverage: ReturnType<typeof coverageOf>,
  where: Prisma.Sql,
): Promise<{ views: number; groups: GroupResults[] }> {
  const key = (timestamp: Prisma.Sql) => groupKey(q.grouping, {}, timestamp);
  const rows = await prisma.$queryRaw<SketchRow[]>`
    SELECT g, views, registers::text, ranks::text, NULL::bytea AS visitors FROM (${sketchSql(coverage.raw, key, where)}) edges
    UNION ALL
    SELECT ${key(Prisma.sql`ru.hour`)} AS g, ru.views, ru.registers::text, ru.ranks::text, NULL::bytea
    FROM kb_rollup ru WHERE ${inRanges(Prisma.sql`ru.hour`, coverage.hours)} ${where}
    UNION ALL
    SELECT ${key(Prisma.sql`ru.day`)} AS g, ru.views, NULL, NULL, ru.visitors
    FROM kb_rollup_daily ru WHERE ${inRanges(Prisma.sql`ru.day`, coverage.days)} ${where}`;
  const merged = new Map<string | null, { views: number; sketch: DistinctSketch }>();
  const total = { views: 0, sketch: emptyDistinctSketch() };
  for (const row of rows) {
    let group = merged.get(row.g);
    if (!group) merged.set(row.g, (group = { views: 0, sketch: emptyDistinctSketch() }));
    const views = count(row.views);
    for (const into of q.grouping.by === "none" ? [group] : [group, total]) {
      into.views += views;
      if (row.visitors) mergeDense(into.sketch, row.visitors);
      else if (row.registers && row.ranks) mergeSparse(into.sketch, ints(row.registers), ints(row.ranks));
    }
  }
  const estimated = (g: { views: number; sketch: DistinctSketch } | undefined) =>
    viewsPerVisitor(g?.views ?? 0, g ? estimateDistinct(g.sketch) : 0, "approximate");
  const groups = [...merged].map(([g, group]) => ({ g, group }));
  const results = assembleGroups(groups, q.grouping, (row) => estimated(row?.group));
  if (q.withTotal && q.grouping.by !== "none") results.push({ key: "", results: estimated(total) });
  const views = q.grouping.by === "none" ? (merged.get("")?.views ?? 0) : total.views;
  return { views, groups: results };
}

function viewsPerVisitor(views: number, visitors: number, distinct: "exact" | "approximate"): KpiResult[] {
  return [
    { key: "kb_views_per_visitor", value: ratio(views, visitors), unit: "ratio", n: views, numerator: views, denominator: visitors, distinct },
  ];
}
