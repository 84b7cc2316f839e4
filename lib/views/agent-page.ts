import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { autoBucket } from "@/lib/dashboards/compute-dashboard-data";
import { findAgent, type AgentEntry } from "@/lib/directory/directory";
import { agentPageKpis, getKpiDefinition, isKpiKey, recordsListOf, type KpiDefinition, type KpiKey } from "@/lib/kpi/catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "@/lib/kpi/get-kpi-snapshot";
import { NO_GROUPING } from "@/lib/kpi/kpi-query";
import { previousPeriod, timeBuckets } from "@/lib/kpi/time-windows";
import { awardsOf, type AwardView } from "@/lib/motivation/achievements";
import { targetStanding, type TargetStanding } from "@/lib/targets/target-standing";
import { listTargets, resolveTarget } from "@/lib/targets/targets";

import { drillContext, type SearchParams } from "./drill-context";
import { filterOptions, type FilterOptions } from "./filter-options";
import type { Trend } from "./kpi-page";
import { NOT_FOUND, type PageView } from "./page-view";
import { pathSegment } from "./path-segment";
import { withParam } from "./with-param";

export interface AgentPageView {
  agent: AgentEntry;
  /** The KPI the trend shows. */
  key: KpiKey;
  kpi: KpiDefinition;
  /** The filters of the URL and what the filter bar offers, as on the KPI page. */
  filters: DashboardFilters;
  filterOptions: FilterOptions;
  /** The teams the URL narrows the numbers to ("numbers within …"). */
  withinTeams: string[];
  search: string;
  /** The filters with this agent, for the records lists. */
  agentSearch: string;
  /** Each KPI with how it stands against the agent's target (else their team's, else the organisation's). */
  cards: { key: KpiKey; kpi: KpiDefinition; entry: KpiSnapshotEntry; standing: TargetStanding | null }[];
  trend: Trend;
  /** Whether the tickets list shows exactly what `kpi` counts, rather than the agent's tickets in general. */
  ticketsBehindKpi: boolean;
  awards: AwardView[];
  timeZone: string;
}

/** Team → an agent: every KPI for them, a trend, their achievements, and the records behind them. */
export async function agentPageView(context: UserContext, rawAgent: string, searchParams: SearchParams): Promise<PageView<AgentPageView>> {
  const externalId = pathSegment(rawAgent);
  if (externalId === null) return NOT_FOUND;
  const drilled = await drillContext(context, searchParams, [externalId]);
  if (!drilled.ok) return drilled;
  const { drill } = drilled;
  const agentKpis = agentPageKpis();
  const agent = await findAgent(drill.prisma, externalId);
  if (!agent) return NOT_FOUND;
  const { org, window, now } = drill;
  const key: KpiKey = typeof searchParams.kpi === "string" && isKpiKey(searchParams.kpi) && agentKpis.includes(searchParams.kpi) ? searchParams.kpi : "tickets_solved";
  const bucket = autoBucket(window);
  const before = previousPeriod(window, org.timeZone);
  const base = { timeZone: org.timeZone, filters: drill.scoped, now, serviceLevelSeconds: org.serviceLevelSeconds };
  const [all, trend, trendBefore, awards, targets, membership, options] = await Promise.all([
    getKpiSnapshot(drill.prisma, agentKpis, { ...base, ...window, grouping: NO_GROUPING }),
    getKpiSnapshot(drill.prisma, [key], { ...base, ...window, grouping: { by: "time", buckets: timeBuckets(window, bucket, org.timeZone) } }),
    getKpiSnapshot(drill.prisma, [key], { ...base, ...before, grouping: { by: "time", buckets: timeBuckets(before, bucket, org.timeZone) } }),
    awardsOf(drill.prisma, "agent", externalId),
    listTargets(drill.prisma),
    drill.prisma.agent.findUnique({ where: { id: agent.id }, select: { teamId: true } }),
    filterOptions(drill.prisma, drill.scope),
  ]);
  const scope = { agentId: agent.id, teamId: membership?.teamId ?? null };
  const series = trend.get(key)!.groups ?? [];
  return {
    ok: true,
    view: {
      agent,
      key,
      kpi: getKpiDefinition(key),
      filters: drill.filters,
      filterOptions: options,
      withinTeams: drill.filters.team,
      search: drill.search,
      agentSearch: withParam(drill.search, "agent", externalId),
      cards: agentKpis.map((k) => {
        const entry = all.get(k)!;
        return { key: k, kpi: getKpiDefinition(k), entry, standing: targetStanding(k, entry, resolveTarget(targets, k, scope), org.minSampleSize) };
      }),
      trend: {
        bucket,
        buckets: series.map((g) => g.key ?? ""),
        current: series.map((g) => g.value),
        previous: (trendBefore.get(key)!.groups ?? []).map((g) => g.value),
        computedAt: now.getTime(),
        goal: resolveTarget(targets, key, scope)?.value ?? null,
      },
      ticketsBehindKpi: recordsListOf(key) === "tickets",
      awards,
      timeZone: org.timeZone,
    },
  };
}
