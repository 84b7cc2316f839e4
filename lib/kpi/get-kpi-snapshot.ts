import type { PrismaClient } from "@/lib/generated/prisma/client";

import { getKpiDefinition, isKpiKey, type KpiFamily, type KpiKey } from "./catalog";
import { computeCustomKpi, FormulaNotCompiledError } from "./custom/compute-custom-kpi";
import { familyQuery } from "./families/family-modules";
import { NO_GROUPING, type GroupResults, type KpiGrouping, type KpiQuery } from "./kpi-query";
import { isCustomKpiKey, loadKpiDirectory, type AnyKpiKey, type CustomKpiKey, type KpiDirectory } from "./kpi-directory";
import type { KpiResult } from "./kpi-result";
import { wilsonMarginOfError } from "./margin-of-error";
import { loadRollupStates } from "./rollups/load-rollup-states";
import { ROLLUP_FAMILIES } from "./rollups/rollup-coverage";

export interface KpiGroup {
  /** The bucket's local start (ISO 8601 with offset), or the externalId / channel; null = none. */
  key: string | null;
  label: string;
  value: number | null;
  n: number;
  /** For rates and scores: the 95 % margin of error of this group's value. */
  marginOfError?: number | null;
}

export type KpiSnapshotEntry = Omit<KpiResult, "key"> & {
  key: AnyKpiKey;
  groups?: KpiGroup[];
  /** Why a custom KPI has no value: its formula needs what the engine does not compute yet. */
  note?: string;
};

/**
 * The requested KPIs for one query: one statement per KPI family involved (a grouped rollup family
 * returns the groups and the whole window from one pass; other families, and any family asked for
 * percentiles, take one more for the total; percentiles one more again), never one per KPI or
 * per group, so a whole dashboard costs a handful of round trips, after one small read of the
 * rollups' state. Time buckets include the empty ones, in order.
 */
export async function getKpiSnapshot<K extends AnyKpiKey>(
  prisma: PrismaClient,
  keys: readonly K[],
  q: KpiQuery,
  options: { directory?: KpiDirectory } = {},
): Promise<Map<K, KpiSnapshotEntry>> {
  const customKeys = (keys as readonly string[]).filter(isCustomKpiKey);
  if (customKeys.length === 0) return (await builtInSnapshot(prisma, keys as readonly AnyKpiKey[] as KpiKey[], q)) as Map<AnyKpiKey, KpiSnapshotEntry> as Map<K, KpiSnapshotEntry>;
  // Up to now as well, as below: one read of the rollups' state serves the built-ins and every custom KPI.
  const rollups = q.rollups ?? (await loadRollupStates(prisma, { from: q.from, to: new Date(Math.max(q.to.getTime(), q.now.getTime())) }));
  const query = { ...q, rollups };
  const directory = options.directory ?? (await loadKpiDirectory(prisma));
  const builtIns = (keys as readonly string[]).filter(isKpiKey);
  const [snapshot, customs] = await Promise.all([
    builtInSnapshot(prisma, builtIns, query),
    Promise.all(customKeys.map((key) => customEntry(prisma, directory, key, query))),
  ]);
  const all = new Map<AnyKpiKey, KpiSnapshotEntry>(snapshot);
  const groups = customs.flatMap((entry) => entry.groups ?? []);
  if (q.grouping.by !== "none" && groups.length > 0) {
    const label = await groupLabels(prisma, q.grouping, groups.map((g) => ({ key: g.key, results: [] })));
    for (const group of groups) group.label = label(group.key);
  }
  for (const entry of customs) {
    if (q.grouping.by !== "time") entry.groups?.sort(byGroupKey);
    all.set(entry.key, entry);
  }
  // In the order asked, as callers that list a snapshot expect.
  return new Map(keys.flatMap((key) => {
    const entry = all.get(key);
    return entry ? [[key, entry] as const] : [];
  }));
}

/**
 * A custom KPI's entry in the snapshot's shape: its latest version's tree through the custom
 * engine, which reads built-in references through builtInSnapshot itself. A formula the engine
 * cannot compute yet, no longer checks or no longer exists has no value, with a note saying why,
 * rather than failing the whole dashboard.
 */
async function customEntry(prisma: PrismaClient, directory: KpiDirectory, key: CustomKpiKey, q: KpiQuery): Promise<KpiSnapshotEntry> {
  const fact = directory.fact(key);
  if (!fact.custom) throw new Error(`${key} is not a custom KPI`);
  const empty: KpiSnapshotEntry = { key, value: null, unit: fact.unit, n: 0 };
  if (!fact.node) return { ...empty, note: fact.archived ? "this custom KPI no longer exists" : "its formula no longer checks" };
  try {
    const value = await computeCustomKpi(prisma, fact.node, q);
    const share = value.numerator !== undefined && value.denominator !== undefined && fact.marginOfError === "proportion";
    return {
      key, value: value.value, unit: fact.unit, n: value.n,
      ...(value.numerator !== undefined && value.denominator !== undefined && { numerator: value.numerator, denominator: value.denominator }),
      ...(share && { marginOfError: wilsonMarginOfError(value.numerator!, value.denominator!) }),
      // Live KPIs describe now; they have no time buckets.
      ...(value.groups && !(fact.live && q.grouping.by === "time") && { groups: value.groups.map((g) => ({ key: g.key, label: g.key ?? "None", value: g.value, n: g.n })) }),
    };
  } catch (error) {
    if (error instanceof FormulaNotCompiledError) return { ...empty, note: error.message };
    throw error;
  }
}

async function builtInSnapshot(prisma: PrismaClient, keys: readonly KpiKey[], q: KpiQuery): Promise<Map<KpiKey, KpiSnapshotEntry>> {
  if (keys.length === 0) return new Map();
  const families = [...new Set(keys.map((key) => getKpiDefinition(key).family))];
  // Up to now as well: a past window's backlog is read back from now (lib/kpi/families/ticket-kpis.ts).
  const rollups = q.rollups ?? (await loadRollupStates(prisma, { from: q.from, to: new Date(Math.max(q.to.getTime(), q.now.getTime())) }));
  // Percentiles only for a family with a requested KPI that has them.
  const percentiles = (family: KpiFamily) =>
    q.percentiles !== false && keys.some((key) => getKpiDefinition(key).family === family && getKpiDefinition(key).distribution);
  const query = (family: KpiFamily, grouping: KpiGrouping, withTotal = false) =>
    familyQuery(family)(prisma, { ...q, rollups, grouping, percentiles: percentiles(family), only: keys, withTotal });
  // A rollup family's whole window comes with its groups, unless it is asked for percentiles:
  // those are the whole window's, computed by its ungrouped query.
  const together = (family: KpiFamily) => !percentiles(family) && (ROLLUP_FAMILIES as readonly KpiFamily[]).includes(family);
  const results = await Promise.all(families.map(async (family) => {
    if (q.grouping.by === "none") return { total: await query(family, NO_GROUPING), groups: [] };
    if (!together(family)) {
      const [total, groups] = await Promise.all([query(family, NO_GROUPING), query(family, q.grouping)]);
      return { total, groups };
    }
    const all = await query(family, q.grouping, true);
    return { total: all.filter((group) => group.key === ""), groups: all.filter((group) => group.key !== "") };
  }));
  const totals = results.map((r) => r.total);
  const grouped = q.grouping.by === "none" ? null : results.map((r) => r.groups);

  const wanted = new Set<string>(keys);
  const snapshot = new Map<KpiKey, KpiSnapshotEntry>();
  for (const result of totals.flat().flatMap((group) => group.results)) {
    if (wanted.has(result.key)) snapshot.set(result.key, { ...result });
  }
  if (grouped) {
    const labels = await groupLabels(prisma, q.grouping, grouped.flat());
    families.forEach((family, i) => {
      // Live KPIs describe now; they have no time buckets.
      if (family === "live" && q.grouping.by === "time") return;
      for (const group of grouped[i]!) {
        const key = q.grouping.by === "time" ? q.grouping.buckets[Number(group.key) - 1]!.key : group.key;
        for (const result of group.results) {
          const entry = snapshot.get(result.key);
          // A team with no data for this KPI is noise in its breakdown; an empty time bucket is a gap to show.
          if (!entry || (q.grouping.by !== "time" && result.n === 0)) continue;
          (entry.groups ??= []).push({ key, label: labels(key), value: result.value, n: result.n, ...(result.marginOfError !== undefined && { marginOfError: result.marginOfError }) });
        }
      }
    });
    // Breakdowns in one order whatever plan the database chose (by key, the null group last), so
    // ties rank the same on every poll; time buckets are already in time order.
    if (q.grouping.by !== "time") for (const entry of snapshot.values()) entry.groups?.sort(byGroupKey);
  }
  return snapshot;
}

function byGroupKey(a: KpiGroup, b: KpiGroup): number {
  return a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

async function groupLabels(prisma: PrismaClient, grouping: KpiGrouping, groups: GroupResults[]): Promise<(key: string | null) => string> {
  const keys = [...new Set(groups.map((g) => g.key).filter((k): k is string => k !== null && k !== ""))];
  const names = new Map<string, string>();
  const none = { team: "No team", agent: "Unassigned", channel: "No channel", queue: "No queue", priority: "No priority" };
  if (grouping.by === "team") for (const t of await prisma.team.findMany({ where: { externalId: { in: keys } } })) names.set(t.externalId, t.name);
  if (grouping.by === "agent") for (const a of await prisma.agent.findMany({ where: { externalId: { in: keys } } })) names.set(a.externalId, a.name);
  if (grouping.by === "queue") for (const q of await prisma.queue.findMany({ where: { externalId: { in: keys } } })) names.set(q.externalId, q.name);
  return (key) => {
    if (key === null) return grouping.by in none ? none[grouping.by as keyof typeof none] : "None";
    if (grouping.by === "channel" || grouping.by === "priority") return key.charAt(0).toUpperCase() + key.slice(1);
    return names.get(key) ?? key;
  };
}
