import { Prisma } from "@/lib/generated/prisma/client";
import { CHANNELS } from "@/lib/ingest/record-schemas";

import type { KpiKey } from "./catalog";
import type { Dimension } from "./dimensions";
import type { KpiResult } from "./kpi-result";
import type { RollupStates } from "./rollups/rollup-coverage";
import type { TimeBucket } from "./time-windows";

/** What every KPI query takes: a window [from, to), the zone it is read in, and filters. */
export interface KpiQuery {
  from: Date;
  to: Date;
  timeZone: string;
  filters: KpiFilters;
  /** "Now" for live KPIs and for "resolved by now"; injectable for tests. */
  now: Date;
  /** Service-level threshold T in seconds. */
  serviceLevelSeconds: number;
  grouping: KpiGrouping;
  /** Durations on the calendar (the default) or inside business hours (lib/business-hours). */
  hours?: HoursBasis;
  /**
   * Median and p90 of the duration KPIs for an ungrouped query (default true): from the daily
   * sketches and the raw values at the window's edges, or exact from the raw rows when a measure
   * has at most `exactPercentilesUpTo` values (lib/kpi/sketches). A consumer that shows only the
   * mean (a dashboard card, a leaderboard) turns them off.
   */
  percentiles?: boolean;
  /** Default EXACT_PERCENTILES_UP_TO; 0 always reads the sketches, Infinity never. */
  exactPercentilesUpTo?: number;
  /** Up to this many records a distinct count is exact (default EXACT_DISTINCT_UP_TO); 0 reads the sketches wherever the rollups cover the window. */
  exactDistinctUpTo?: number;
  /** The KPIs the caller reads (getKpiSnapshot sets it): a family may skip the work of the others. */
  only?: readonly KpiKey[];
  /** The rollups' state (getKpiSnapshot loads it); `{}` reads everything raw. */
  rollups?: RollupStates;
  /**
   * A grouped query of a rollup family also returns the whole window's row (key ''), from the same
   * pass over the measure rows (getKpiSnapshot sets it when no percentiles are asked for).
   */
  withTotal?: boolean;
}

export type HoursBasis = "calendar" | "business";

/** Filters by externalId (channels by name); several values of one dimension are alternatives. */
export interface KpiFilters {
  team: string[];
  agent: string[];
  channel: (typeof CHANNELS)[number][];
  queue: string[];
}

export const NO_FILTERS: KpiFilters = { team: [], agent: [], channel: [], queue: [] };

/** The columns through which one kind of record has each dimension; absent = it has none. */
export interface DimensionColumns {
  team?: Prisma.Sql;
  agent?: Prisma.Sql;
  channel?: Prisma.Sql;
  queue?: Prisma.Sql;
  priority?: Prisma.Sql;
}

/**
 * The WHERE conditions for the filters, as bound parameters. A filter on a dimension that a kind
 * of record does not have (a queue for tickets, a team for knowledge-base views) matches none of
 * them: the KPI then has no data for that filter, rather than silently ignoring it.
 */
export function filterConditions(filters: KpiFilters, columns: DimensionColumns): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const add = (values: string[], column: Prisma.Sql | undefined, lookup: (column: Prisma.Sql) => Prisma.Sql) => {
    if (values.length === 0) return;
    parts.push(column ? lookup(column) : Prisma.sql`false`);
  };
  add(filters.team, columns.team, (c) => Prisma.sql`${c} IN (SELECT id FROM teams WHERE external_id = ANY(${filters.team}::text[]))`);
  add(filters.agent, columns.agent, (c) => Prisma.sql`${c} IN (SELECT id FROM agents WHERE external_id = ANY(${filters.agent}::text[]))`);
  add(filters.channel, columns.channel, (c) => Prisma.sql`${c}::text = ANY(${filters.channel}::text[])`);
  add(filters.queue, columns.queue, (c) => Prisma.sql`${c} IN (SELECT id FROM queues WHERE external_id = ANY(${filters.queue}::text[]))`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** How results are split: not at all, by a dimension (externalId or channel), or into time buckets. */
export type KpiGrouping = { by: "none" } | { by: Dimension } | { by: "time"; buckets: TimeBucket[] };

export const NO_GROUPING: KpiGrouping = { by: "none" };

/**
 * The SQL expression of a record's group key: '' when ungrouped; the externalId (or channel) of
 * its team, agent or queue; or for time buckets the 1-based number of the bucket its `timestamp`
 * falls in (width_bucket over the bucket starts, bound as one timestamptz[] parameter). NULL when
 * the record has no such dimension.
 */
export function groupKey(grouping: KpiGrouping, columns: DimensionColumns, timestamp: Prisma.Sql): Prisma.Sql {
  switch (grouping.by) {
    case "none":
      return Prisma.sql`''`;
    case "time":
      return Prisma.sql`width_bucket(${timestamp}, ${grouping.buckets.map((b) => b.start.toISOString())}::timestamptz[])::text`;
    case "channel":
      return columns.channel ? Prisma.sql`${columns.channel}::text` : Prisma.sql`NULL::text`;
    case "priority":
      return columns.priority ? Prisma.sql`${columns.priority}::text` : Prisma.sql`NULL::text`;
    case "team":
      return columns.team ? Prisma.sql`(SELECT external_id FROM teams WHERE id = ${columns.team})` : Prisma.sql`NULL::text`;
    case "agent":
      return columns.agent ? Prisma.sql`(SELECT external_id FROM agents WHERE id = ${columns.agent})` : Prisma.sql`NULL::text`;
    case "queue":
      return columns.queue ? Prisma.sql`(SELECT external_id FROM queues WHERE id = ${columns.queue})` : Prisma.sql`NULL::text`;
  }
}

/**
 * How a family's measure rows are keyed: for a query, by its group key `g` at each measure's own
 * timestamp; for the rollup, by hour and dimensions (each family's ROLLUP_KEYS).
 */
export interface MeasureKeys {
  select: (timestamp: Prisma.Sql) => Prisma.Sql;
  columns: Prisma.Sql;
}

export function queryKeys(grouping: KpiGrouping, columns: DimensionColumns): MeasureKeys {
  return { select: (timestamp) => Prisma.sql`${groupKey(grouping, columns, timestamp)} AS g`, columns: Prisma.sql`g` };
}

/** The time-bucket boundaries a rollup hour must not straddle. */
export function bucketBoundaries(grouping: KpiGrouping): Date[] {
  return grouping.by === "time" ? grouping.buckets.flatMap((b) => [b.start, b.end]) : [];
}

/**
 * How a family's last aggregation groups its measure rows (keyed `g`, then `extra`): by group, and
 * for a query `withTotal` also without `g` in the same pass, those rows keyed '' as an ungrouped
 * query's are. Exact sums, so the whole window's numbers are those an ungrouped query gives. The
 * empty set is always there: it gives a row even without data, so the whole window is never missing.
 */
export function measureGrouping(q: KpiQuery, extra?: Prisma.Sql): { g: Prisma.Sql; by: Prisma.Sql } {
  const keys = extra ? Prisma.sql`g, ${extra}` : Prisma.sql`g`;
  if (!q.withTotal || q.grouping.by === "none") return { g: Prisma.sql`g`, by: keys };
  const whole = extra ? Prisma.sql`(${extra}), ()` : Prisma.sql`()`;
  return { g: Prisma.sql`CASE WHEN GROUPING(g) = 1 THEN '' ELSE g END AS g`, by: Prisma.sql`GROUPING SETS ((${keys}), ${whole})` };
}

/** A family's results for one group key ('' for the whole window). */
export interface GroupResults {
  key: string | null;
  results: KpiResult[];
}

/**
 * Turns a family's rows (one per group key `g`) into its groups: exactly one group ('') when
 * ungrouped, every bucket in order (empty ones included) for time buckets, and the groups that
 * have data for a dimension, then the whole window when the rows hold it (`withTotal`: key '').
 * `toResults(undefined)` gives the family's no-data results.
 */
export function assembleGroups<Row extends { g: string | null }>(
  rows: Row[],
  grouping: KpiGrouping,
  toResults: (row: Row | undefined) => KpiResult[],
): GroupResults[] {
  const byKey = new Map(rows.map((row) => [row.g, row]));
  if (grouping.by === "none") return [{ key: "", results: toResults(byKey.get("")) }];
  // No bucket number, external id, channel or priority is ''.
  const whole = byKey.has("") ? [{ key: "", results: toResults(byKey.get("")) }] : [];
  if (grouping.by === "time") {
    return [...grouping.buckets.map((_, i) => ({ key: String(i + 1), results: toResults(byKey.get(String(i + 1))) })), ...whole];
  }
  return [...rows.filter((row) => row.g !== "").map((row) => ({ key: row.g, results: toResults(row) })), ...whole];
}
