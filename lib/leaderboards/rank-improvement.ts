import { needsMinimumSample } from "@/lib/kpi/catalog";
import { factOf, type KpiRef } from "@/lib/kpi/kpi-directory";

import type { LeaderboardRow, RankedGroup } from "./leaderboard-row";

/**
 * "Most improved": ranked by the change against the previous period in the KPI's better direction,
 * among those with a value in both periods (and, for rates and scores, the minimum sample in both),
 * so a newcomer or a lucky handful of responses does not top the board.
 */
export function rankImprovement(kpi: KpiRef, current: RankedGroup[], previous: RankedGroup[], minSample: number): LeaderboardRow[] {
  const sign = factOf(kpi).direction === "lower" ? -1 : 1;
  const enough = (g: RankedGroup | undefined) => g !== undefined && g.value !== null && (!needsMinimumSample(factOf(kpi)) || g.n >= minSample);
  const before = new Map(previous.filter((g) => g.key !== null).map((g) => [g.key!, g]));
  const rows = current
    .filter((g): g is RankedGroup & { key: string } => g.key !== null)
    .map((g) => {
      const earlier = before.get(g.key);
      const change = enough(g) && enough(earlier) ? g.value! - earlier!.value! : null;
      return { key: g.key, label: g.label, value: g.value, n: g.n, change, rank: null as number | null, previousRank: null };
    });
  const ranked = rows.filter((r) => r.change !== null).sort((a, b) => sign * (b.change! - a.change!));
  ranked.forEach((r, i) => (r.rank = i > 0 && ranked[i - 1]!.change === r.change ? ranked[i - 1]!.rank : i + 1));
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.n - a.n || a.label.localeCompare(b.label));
}
