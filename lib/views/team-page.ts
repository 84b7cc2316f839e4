import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { findTeam, type TeamEntry } from "@/lib/directory/directory";
import { getKpiDefinition, isKpiKey, needsMinimumSample, teamPageKpis, type KpiDefinition, type KpiKey } from "@/lib/kpi/catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "@/lib/kpi/get-kpi-snapshot";
import { NO_GROUPING } from "@/lib/kpi/kpi-query";
import { comparisonWindow } from "@/lib/kpi/time-windows";
import type { LeaderboardRow } from "@/lib/leaderboards/leaderboard-row";
import { rankLeaderboard } from "@/lib/leaderboards/rank-leaderboard";
import { targetStanding, type TargetStanding } from "@/lib/targets/target-standing";
import { listTargets, resolveTarget } from "@/lib/targets/targets";

import { drillContext, type SearchParams } from "./drill-context";
import { filterOptions, type FilterOptions } from "./filter-options";
import { NOT_FOUND, type PageView } from "./page-view";
import { pathSegment } from "./path-segment";
import { withParam } from "./with-param";

export interface TeamPageView {
  team: TeamEntry;
  /** The KPI the agents are ranked on. */
  key: KpiKey;
  kpi: KpiDefinition;
  /** The filters of the URL and what the filter bar offers, as on the KPI page. */
  filters: DashboardFilters;
  filterOptions: FilterOptions;
  /** The dashboard filters, to carry back up. */
  search: string;
  /** The filters with this team: an agent's numbers on the next page are those within this team. */
  teamSearch: string;
  /** The team's headline cards, in order, then the ranked KPI's team total. */
  /** Each with how it stands against the team's target (else the organisation's). */
  headline: { key: KpiKey; kpi: KpiDefinition; entry: KpiSnapshotEntry; standing: TargetStanding | null }[];
  total: KpiSnapshotEntry;
  /** Best first, with the rank in the previous period up to the same moment. */
  agents: (LeaderboardRow & { notEnoughData: boolean })[];
}

/** KPI page → a team: its agents ranked on a KPI, with their movement since the previous period. */
export async function teamPageView(context: UserContext, rawTeam: string, searchParams: SearchParams): Promise<PageView<TeamPageView>> {
  const externalId = pathSegment(rawTeam);
  if (externalId === null) return NOT_FOUND;
  // Scope before existence: a team lead learns nothing about a team that is not theirs.
  const drilled = await drillContext(context, { ...searchParams, team: externalId });
  if (!drilled.ok) return drilled;
  const { drill } = drilled;
  const team = await findTeam(drill.prisma, externalId);
  if (!team) return NOT_FOUND;
  const { org, window, now } = drill;
  const key: KpiKey = typeof searchParams.kpi === "string" && isKpiKey(searchParams.kpi) && !getKpiDefinition(searchParams.kpi).live ? searchParams.kpi : "tickets_solved";
  const base = { timeZone: org.timeZone, filters: drill.scoped, now, serviceLevelSeconds: org.serviceLevelSeconds };
  const [headline, agents, before, options, targets] = await Promise.all([
    getKpiSnapshot(drill.prisma, [...new Set([...teamPageKpis(), key])], { ...base, ...window, grouping: NO_GROUPING }),
    getKpiSnapshot(drill.prisma, [key], { ...base, ...window, grouping: { by: "agent" } }),
    getKpiSnapshot(drill.prisma, [key], { ...base, ...comparisonWindow(window, now, org.timeZone), grouping: { by: "agent" } }),
    filterOptions(drill.prisma, drill.scope),
    listTargets(drill.prisma),
  ]);
  const ranking = rankLeaderboard(key, agents.get(key)!.groups ?? [], before.get(key)!.groups ?? [], org.minSampleSize);
  return {
    ok: true,
    view: {
      team,
      key,
      kpi: getKpiDefinition(key),
      filters: drill.filters,
      filterOptions: options,
      search: drill.search,
      teamSearch: withParam(drill.search, "team", externalId),
      headline: teamPageKpis().map((k) => {
        const entry = headline.get(k)!;
        return { key: k, kpi: getKpiDefinition(k), entry, standing: targetStanding(k, entry, resolveTarget(targets, k, { teamId: team.id }), org.minSampleSize) };
      }),
      total: headline.get(key)!,
      agents: ranking.map((row) => ({ ...row, notEnoughData: row.rank === null && needsMinimumSample(key) && row.n < org.minSampleSize })),
    },
  };
}
