import "server-only";

import { autoBucket } from "@/lib/dashboards/compute-dashboard-data";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { recordsListOf, type RecordsList } from "@/lib/kpi/catalog";
import { formulaRecords } from "@/lib/kpi/custom/formula-records";
import { targetScopeOf } from "@/lib/dashboards/load-dashboard";
import { getKpiSnapshot, type KpiGroup, type KpiSnapshotEntry } from "@/lib/kpi/get-kpi-snapshot";
import { loadKpiDirectory, shownKpi, type AnyKpiKey, type KpiFact, type ShownKpi } from "@/lib/kpi/kpi-directory";
import { NO_GROUPING } from "@/lib/kpi/kpi-query";
import { comparisonWindow, previousPeriod, timeBuckets } from "@/lib/kpi/time-windows";
import { listTargets, resolveTarget } from "@/lib/targets/targets";

import { drillContext, type SearchParams, type ViewerContext } from "./drill-context";
import { filterOptions, type FilterOptions } from "./filter-options";
import { NOT_FOUND, type PageView } from "./page-view";

export const TREND_BUCKETS = ["hour", "day", "week"] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export interface Trend {
  bucket: TrendBucket;
  /** Bucket keys, local time, one per point. */
  buckets: string[];
  current: (number | null)[];
  /** The previous period's buckets, aligned one to one with `current`. */
  previous: (number | null)[];
  /** When the numbers were computed (ms): the bucket holding it is still running. */
  computedAt: number;
  /** The goal in force for what is in view (an agent's, else the team's, else the organisation's), drawn as a line. */
  goal: number | null;
}

export interface KpiPageView {
  key: AnyKpiKey;
  timeZone: string;
  /** From the directory: a custom KPI's page is a built-in's, its formula where the definition is. */
  kpi: ShownKpi;
  filters: DashboardFilters;
  search: string;
  filterOptions: FilterOptions;
  /** The bucket the URL asked for, kept by the filter bar; null when chosen automatically. */
  requestedBucket: TrendBucket | null;
  /** This period, with its median and p90. */
  current: KpiSnapshotEntry;
  /** The previous period up to the same moment. */
  previous: KpiSnapshotEntry;
  /** Null for a live KPI, which has no history. */
  trend: Trend | null;
  /** Null when the viewer sees a single agent's numbers, which have no teams to compare, or when no record has a team. */
  byTeam: KpiGroup[] | null;
  records: RecordsList | null;
  /** For a custom KPI without a records list, the sentence why (several sets, a reference, a set no list shows). */
  noRecords: string | null;
}

/** KPI card → the KPI page: the KPI over time against the previous period, and by team. */
export async function kpiPageView(context: ViewerContext, key: string, searchParams: SearchParams): Promise<PageView<KpiPageView>> {
  const directory = await loadKpiDirectory(context.prisma);
  if (!directory.has(key)) return NOT_FOUND;
  const drilled = await drillContext(context, searchParams);
  if (!drilled.ok) return drilled;
  const { drill } = drilled;
  const { org, window, now } = drill;
  const kpi = shownKpi(directory.fact(key));
  const requestedBucket = TREND_BUCKETS.find((b) => b === searchParams.bucket) ?? null;
  const days = (window.to.getTime() - window.from.getTime()) / 86_400_000;
  const bucket = requestedBucket === "hour" && days > 31 ? "day" : (requestedBucket ?? autoBucket(window));
  // The median and p90 only where they are shown: this period's headline.
  const base = { timeZone: org.timeZone, filters: drill.scoped, now, serviceLevelSeconds: org.serviceLevelSeconds, percentiles: false };
  const before = previousPeriod(window, org.timeZone);
  const showTeams = drill.scope.kind === "all" || drill.scope.kind === "teams";
  const [current, previous, previousSeries, byTeam, options, targets, targetScope] = await Promise.all([
    getKpiSnapshot(drill.prisma, [key], {
      ...base,
      ...window,
      percentiles: true,
      grouping: kpi.live ? NO_GROUPING : { by: "time", buckets: timeBuckets(window, bucket, org.timeZone) },
    }, { directory }),
    getKpiSnapshot(drill.prisma, [key], { ...base, ...comparisonWindow(window, now, org.timeZone), grouping: NO_GROUPING }, { directory }),
    kpi.live ? null : getKpiSnapshot(drill.prisma, [key], { ...base, ...before, grouping: { by: "time", buckets: timeBuckets(before, bucket, org.timeZone) } }, { directory }),
    showTeams ? getKpiSnapshot(drill.prisma, [key], { ...base, ...window, grouping: { by: "team" } }, { directory }) : null,
    filterOptions(drill.prisma, drill.scope),
    listTargets(drill.prisma),
    targetScopeOf(drill.prisma, drill.scoped),
  ]);
  const entry = current.get(key)!;
  const series = entry.groups ?? [];
  return {
    ok: true,
    view: {
      key,
      timeZone: org.timeZone,
      kpi,
      filters: drill.filters,
      search: drill.search,
      filterOptions: options,
      requestedBucket,
      current: entry,
      previous: previous.get(key)!,
      trend: previousSeries && {
        bucket,
        buckets: series.map((g) => g.key ?? ""),
        current: series.map((g) => g.value),
        previous: (previousSeries.get(key)?.groups ?? []).map((g) => g.value),
        computedAt: now.getTime(),
        goal: resolveTarget(targets, key, targetScope)?.value ?? null,
      },
      byTeam: byTeam && teamsOf(byTeam.get(key)?.groups ?? []),
      ...recordsOf(directory.fact(key)),
    },
  };
}

/** The records list behind the number: a built-in's family's, a custom KPI's formula's one set's (filtered by it there). */
function recordsOf(fact: KpiFact): Pick<KpiPageView, "records" | "noRecords"> {
  if (!fact.custom) return { records: recordsListOf(fact.key), noRecords: null };
  const records = formulaRecords(fact.node);
  return records.ok ? { records: records.list, noRecords: null } : { records: null, noRecords: records.why };
}

/**
 * A breakdown by team, or null when every record it holds has no team (knowledge-base views,
 * eNPS pulses): one "No team" row compares nothing.
 */
function teamsOf(groups: KpiGroup[]): KpiGroup[] | null {
  return groups.length > 0 && groups.every((g) => g.key === null) ? null : groups;
}
