import type { PrismaClient } from "@/lib/generated/prisma/client";

import { getKpiDefinition, type KpiFamily, type KpiKey } from "./catalog";
import { familyQuery } from "./families/family-modules";
import { NO_GROUPING, type GroupResults, type KpiGrouping, type KpiQuery } from "./kpi-query";
import type { AnyKpiKey } from "./kpi-directory";
import type { KpiResult } from "./kpi-result";
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
 * The built-in KPIs of one query: one statement per KPI family involved (a grouped rollup family
 * returns the groups and the whole window from one pass; other families, and any family asked for
 * percentiles, take one more for the total; percentiles one more again), never one per KPI or
 * per group. Time buckets include the empty ones, in order. getKpiSnapshot adds custom KPIs, whose
 * engine reads its built-in references from here.
 */
export async function builtInSnapshot(prisma: PrismaClient, keys: readonly KpiKey[], q: KpiQuery): Promise<Map<KpiKey, KpiSnapshotEntry>> {
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

export function byGroupKey(a: KpiGroup, b: KpiGroup): number {
  return a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export async function groupLabels(prisma: PrismaClient, grouping: KpiGrouping, groups: GroupResults[]): Promise<(key: string | null) => string> {
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
