import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { DIMENSIONS } from "../dimensions";
import type { SketchedFamily } from "../sketches/sketched-family";
import { bucketBoundaries, filterConditions, groupKey, type DimensionColumns, type HoursBasis, type KpiQuery } from "../kpi-query";
import { HOUR_MS, inRanges, planCoverage, rollupDays, toTimeRanges, type Coverage, type RollupState, type TimeRanges } from "./rollup-coverage";

/** A family's two rollup tables and how their rows combine. */
export interface RollupTables {
  hourly: { table: Prisma.Sql; columns: DimensionColumns };
  /** Per local day, with fewer dimensions; `keys` are its key columns besides the day (none: one row a day). */
  daily: { table: Prisma.Sql; columns: DimensionColumns; keys?: Prisma.Sql };
  /** The same local days without the agent: tens of rows a day, rebuilt from the daily rows (families with an agent). */
  teamDaily?: { table: Prisma.Sql; columns: DimensionColumns; keys: Prisma.Sql };
  /** The measure columns, and the sums that combine rows of them (named as the columns), in the same order. */
  measures: Prisma.Sql;
  sums: Prisma.Sql;
  /** Key columns of every row besides the group (surveys: kind). */
  extraKeys?: Prisma.Sql;
}

/** A family's rollup: its tables, and how to rebuild the hourly rows of `ranges` from the raw rows. */
export interface FamilyRollup {
  tables: RollupTables;
  rebuildHours(
    tx: Pick<PrismaClient, "$executeRaw">,
    ranges: TimeRanges,
    context: { now: Date; serviceLevelSeconds: number },
  ): Promise<void>;
  /** Its duration measures, whose daily sketches are rebuilt with its daily rows (lib/kpi/sketches). */
  sketch?: SketchedFamily;
  /**
   * How its daily rows are rebuilt from its hourly ones, when not by summing (rebuildDaily): a
   * distinct-count sketch is merged, not summed.
   */
  days?: {
    rebuild(tx: Pick<PrismaClient, "$executeRaw" | "$queryRaw">, ranges: TimeRanges, timeZone: string): Promise<void>;
    rebuildAll(tx: Pick<PrismaClient, "$executeRaw" | "$queryRaw">, timeZone: string): Promise<void>;
  };
}

/**
 * A day level serves a query when every dimension it filters or groups by is one the level has,
 * or one the family has not at all (then every level gives "none" alike).
 */
function serves(q: KpiQuery, t: RollupTables, columns: DimensionColumns): boolean {
  const used = DIMENSIONS.filter((d) => q.grouping.by === d || (d in q.filters && q.filters[d as keyof KpiQuery["filters"]].length > 0));
  return used.every((d) => columns[d] !== undefined || t.hourly.columns[d] === undefined);
}

/**
 * The rollup state a query on `hours` may use: any for calendar time; for business hours and SLA
 * outcomes only one whose columns were computed under the settings in force. While a changed
 * schedule or policy is being recomputed those queries read the raw rows: old or new numbers
 * are never mixed.
 */
export function usableRollup(state: RollupState | undefined, hours: HoursBasis): RollupState | undefined {
  return hours === "calendar" || state?.hoursCurrent ? state : undefined;
}

export function coverageOf(q: KpiQuery, state: RollupState | undefined, t: RollupTables): Coverage {
  return planCoverage(q, state, bucketBoundaries(q.grouping), serves(q, t, t.daily.columns));
}

/**
 * The rollup rows of a coverage, filtered and grouped as the query asks: two UNION ALL branches to
 * append to the family's raw measure rows (columns g, extra keys, measures). `condition`, given the
 * level's columns, narrows the rows further (a custom KPI's filter on the rollup's dimensions,
 * `conditionDimensions`: the days then come from a level that has them).
 */
export function rolledUpSql(
  q: KpiQuery,
  coverage: Coverage,
  t: RollupTables,
  condition?: (columns: DimensionColumns) => Prisma.Sql,
  conditionDimensions: readonly string[] = [],
): Prisma.Sql {
  const extra = t.extraKeys ? Prisma.sql`, ${t.extraKeys}` : Prisma.empty;
  // Summed by the raw key first (an id, an hour), labelled after: one external-id look-up per
  // group rather than one per rollup row.
  const part = (level: { table: Prisma.Sql; columns: DimensionColumns }, column: Prisma.Sql, ranges: TimeRanges) => {
    const by = q.grouping.by;
    const key = by === "none" ? Prisma.sql`''` : by === "time" ? Prisma.sql`ru.${column}` : (level.columns[by] ?? Prisma.sql`NULL::int`);
    const keyed = by === "none" || by === "time" ? {} : level.columns[by] ? { [by]: Prisma.sql`k.k` } : {};
    return Prisma.sql`
    UNION ALL
    SELECT ${groupKey(q.grouping, keyed, Prisma.sql`k.k`)} AS g${extra}, ${t.sums}
    FROM (
      SELECT ${key} AS k${extra}, ${t.sums}
      FROM ${level.table} ru
      WHERE ${inRanges(Prisma.sql`ru.${column}`, ranges)} ${filterConditions(q.filters, level.columns)}
        ${condition ? Prisma.sql`AND ${condition(level.columns)}` : Prisma.empty}
      GROUP BY 1${extra}
    ) k
    GROUP BY 1${extra}`;
  };
  // The days from the team level when it has every dimension the query uses: the same sums, fewer rows.
  const teamDaily = t.teamDaily;
  const teamLevel = teamDaily && serves(q, t, teamDaily.columns) && conditionDimensions.every((d) => Object.hasOwn(teamDaily.columns, d));
  const days = teamLevel ? teamDaily : t.daily;
  return Prisma.sql`${part(t.hourly, Prisma.sql`hour`, coverage.hours)} ${part(days, Prisma.sql`day`, coverage.days)}`;
}

/** The local days of `timeZone` that `ranges` touch and whole hours make up, in order: the days a refresh of those hours rebuilds. */
export function daysHolding(ranges: TimeRanges, timeZone: string): [number, number][] {
  const days = new Map<number, number>();
  ranges.starts.forEach((start, i) => {
    for (const [s, e] of rollupDays({ from: new Date(start), to: new Date(ranges.ends[i]!) }, timeZone)) days.set(s, e);
  });
  return [...days].sort((a, b) => a[0] - b[0]);
}

/**
 * Rebuilds the daily rows of every local day of `timeZone` that `ranges` touch, from the hourly
 * rows, then the team level's from those. A day is keyed by its start, worked out here as the
 * query side works it out (rollupDays), so the two can never disagree about a DST day; hours of a
 * day not yet rolled up are missing from its row, which the next refresh rebuilds and no query
 * reads before.
 */
export async function rebuildDaily(tx: Pick<PrismaClient, "$executeRaw">, t: RollupTables, ranges: TimeRanges, timeZone: string): Promise<void> {
  const days = daysHolding(ranges, timeZone);
  if (days.length === 0) return;
  const starts = days.map(([s]) => new Date(s).toISOString());
  const whole = toTimeRanges(days);
  const keys = t.daily.keys ? Prisma.sql`, ${t.daily.keys}` : Prisma.empty;
  await tx.$executeRaw`DELETE FROM ${t.daily.table} ru WHERE ${inRanges(Prisma.sql`ru.day`, whole)}`;
  await tx.$executeRaw`
    INSERT INTO ${t.daily.table} (day${keys}, ${t.measures})
    SELECT (${starts}::timestamptz[])[width_bucket(ru.hour, ${starts}::timestamptz[])]${keys}, ${t.sums}
    FROM ${t.hourly.table} ru
    WHERE ${inRanges(Prisma.sql`ru.hour`, whole)}
    GROUP BY 1${keys}`;
  if (!t.teamDaily) return;
  await tx.$executeRaw`DELETE FROM ${t.teamDaily.table} ru WHERE ${inRanges(Prisma.sql`ru.day`, whole)}`;
  await tx.$executeRaw`
    INSERT INTO ${t.teamDaily.table} (day, ${t.teamDaily.keys}, ${t.measures})
    SELECT day, ${t.teamDaily.keys}, ${t.sums}
    FROM ${t.daily.table} ru
    WHERE ${inRanges(Prisma.sql`ru.day`, whole)}
    GROUP BY day, ${t.teamDaily.keys}`;
}

/** The whole hours an hourly rollup table holds, from its first to its last; null when empty. */
export async function rolledUpSpan(tx: Pick<PrismaClient, "$queryRaw">, hourly: Prisma.Sql): Promise<TimeRanges | null> {
  const [span] = await tx.$queryRaw<{ first: Date | null; last: Date | null }[]>`SELECT min(hour) AS first, max(hour) AS last FROM ${hourly}`;
  return span?.first && span.last ? toTimeRanges([[span.first.getTime(), span.last.getTime() + HOUR_MS]]) : null;
}

/** Rebuilds every daily row from the hourly rows: after the organisation's time zone changed. */
export async function rebuildAllDaily(
  tx: Pick<PrismaClient, "$executeRaw" | "$queryRaw">,
  t: RollupTables,
  timeZone: string,
): Promise<void> {
  await tx.$executeRaw`DELETE FROM ${t.daily.table}`;
  if (t.teamDaily) await tx.$executeRaw`DELETE FROM ${t.teamDaily.table}`;
  const span = await rolledUpSpan(tx, t.hourly.table);
  if (span) await rebuildDaily(tx, t, span, timeZone);
}
