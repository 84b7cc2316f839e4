import { needsMinimumSample } from "@/lib/kpi/catalog";
import { factOf, type KpiRef } from "@/lib/kpi/kpi-directory";

import type { LeaderboardRow, RankedGroup } from "./leaderboard-row";
import { sortedForKpi } from "./sorted-for-kpi";

// How leaderboards, competitions and achievements rank and qualify agents and teams: one module
// (lib/leaderboards), so a dashboard's leaderboard and a competition's standing never disagree on
// who is ahead.

function ranks(kpi: KpiRef, groups: RankedGroup[], minSample: number): Map<string, number> {
  const eligible = groups.filter((g) => g.key !== null && g.value !== null && (!needsMinimumSample(factOf(kpi)) || g.n >= minSample));
  const sorted = sortedForKpi(kpi, eligible);
  const result = new Map<string, number>();
  // Equal values share a rank (1, 2, 2, 4), as sports tables do.
  sorted.forEach((g, i) => result.set(g.key!, i > 0 && sorted[i - 1]!.value === g.value ? result.get(sorted[i - 1]!.key!)! : i + 1));
  return result;
}

/** Agents or teams ranked in the KPI's direction, with their rank in the previous window. */
export function rankLeaderboard(kpi: KpiRef, current: RankedGroup[], previous: RankedGroup[], minSample: number): LeaderboardRow[] {
  const now = ranks(kpi, current, minSample);
  const before = ranks(kpi, previous, minSample);
  return current
    .filter((g): g is RankedGroup & { key: string } => g.key !== null)
    .map((g) => ({ key: g.key, label: g.label, value: g.value, n: g.n, rank: now.get(g.key) ?? null, previousRank: before.get(g.key) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.n - a.n || a.label.localeCompare(b.label));
}
