import type { PrismaClient } from "@/lib/generated/prisma/client";

import { isKpiKey, type KpiKey } from "./catalog";
import { builtInSnapshot, byGroupKey, groupLabels, type KpiSnapshotEntry } from "./built-in-snapshot";
import { computeCustomKpi, FormulaNotCompiledError } from "./custom/compute-custom-kpi";
import type { KpiQuery } from "./kpi-query";
import { isCustomKpiKey, loadKpiDirectory, type AnyKpiKey, type CustomKpiKey, type KpiDirectory } from "./kpi-directory";
import { wilsonMarginOfError } from "./margin-of-error";
import { loadRollupStates } from "./rollups/load-rollup-states";

export type { KpiGroup, KpiSnapshotEntry } from "./built-in-snapshot";

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
