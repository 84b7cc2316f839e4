import { getKpiDefinition, type KpiKey } from "@/lib/kpi/catalog";

import type { LeaderboardRow } from "./dashboard-data";

// How leaderboards, competitions and achievements rank and qualify agents and teams: one place, so
// a dashboard's leaderboard and a competition's standing never disagree on who is ahead.

/** Rates and scores need a minimum sample before anyone is ranked on them. */
export function needsMinimumSample(kpi: KpiKey): boolean {
  const definition = getKpiDefinition(kpi);
  return definition.marginOfError !== undefined || definition.unit === "score" || definition.unit === "ratio";
}

/** Best first in the KPI's direction; no value last. */
export function sortedForKpi<G extends { value: number | null }>(kpi: KpiKey, groups: G[]): G[] {
  const lowerIsBetter = getKpiDefinition(kpi).direction === "lower";
  return [...groups].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return lowerIsBetter ? a.value - b.value : b.value - a.value;
  });
}

export type Group = { key: string | null; label: string; value: number | null; n: number; marginOfError?: number | null };

function ranks(kpi: KpiKey, groups: Group[], minSample: number): Map<string, number> {
  const eligible = groups.filter((g) => g.key !== null && g.value !== null && (!needsMinimumSample(kpi) || g.n >= minSample));
  const sorted = sortedForKpi(kpi, eligible);
  const result = new Map<string, number>();
  // Equal values share a rank (1, 2, 2, 4), as sports tables do.
  sorted.forEach((g, i) => result.set(g.key!, i > 0 && sorted[i - 1]!.value === g.value ? result.get(sorted[i - 1]!.key!)! : i + 1));
  return result;
}

/** Agents or teams ranked in the KPI's direction, with their rank in the previous window. */
export function rankLeaderboard(kpi: KpiKey, current: Group[], previous: Group[], minSample: number): LeaderboardRow[] {
  const now = ranks(kpi, current, minSample);
  const before = ranks(kpi, previous, minSample);
  return current
    .filter((g): g is Group & { key: string } => g.key !== null)
    .map((g) => ({ key: g.key, label: g.label, value: g.value, n: g.n, rank: now.get(g.key) ?? null, previousRank: before.get(g.key) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.n - a.n || a.label.localeCompare(b.label));
}

/**
 * "Most improved": ranked by the change against the previous period in the KPI's better direction,
 * among those with a value in both periods (and, for rates and scores, the minimum sample in both),
 * so a newcomer or a lucky handful of responses does not top the board.
 */
export function rankImprovement(kpi: KpiKey, current: Group[], previous: Group[], minSample: number): LeaderboardRow[] {
  const sign = getKpiDefinition(kpi).direction === "lower" ? -1 : 1;
  const enough = (g: Group | undefined) => g !== undefined && g.value !== null && (!needsMinimumSample(kpi) || g.n >= minSample);
  const before = new Map(previous.filter((g) => g.key !== null).map((g) => [g.key!, g]));
  const rows = current
    .filter((g): g is Group & { key: string } => g.key !== null)
    .map((g) => {
      const earlier = before.get(g.key);
      const change = enough(g) && enough(earlier) ? g.value! - earlier!.value! : null;
      return { key: g.key, label: g.label, value: g.value, n: g.n, change, rank: null as number | null, previousRank: null };
    });
  const ranked = rows.filter((r) => r.change !== null).sort((a, b) => sign * (b.change! - a.change!));
  ranked.forEach((r, i) => (r.rank = i > 0 && ranked[i - 1]!.change === r.change ? ranked[i - 1]!.rank : i + 1));
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.n - a.n || a.label.localeCompare(b.label));
}

/** Initials instead of names, and keys that identify nobody: what a wall screen in a public place shows. */
export function anonymised<R extends LeaderboardRow>(rows: R[]): R[] {
  return rows.map((row, i) => ({ ...row, key: `anonymous-${i + 1}`, label: initials(row.label) }));
}

export function initials(name: string): string {
  const letters = name.split(/[\s-]+/).filter(Boolean).map((part) => part.charAt(0).toUpperCase() + ".");
  return letters.length > 3 ? [...letters.slice(0, 2), letters.at(-1)!].join(" ") : letters.join(" ");
}

/**
 * Adjusted for handled volume: a rate or score is ranked by the cautious end of its 95 % interval
 * (the value less its margin of error, or plus it when lower is better), so 100 % from 12 surveys
 * does not outrank 97 % from 300. The rows still show the measured value, with its margin.
 */
export function rankVolumeAdjusted(kpi: KpiKey, current: Group[], previous: Group[], minSample: number): LeaderboardRow[] {
  const sign = getKpiDefinition(kpi).direction === "lower" ? 1 : -1;
  const cautious = (g: Group): Group => (g.value === null ? g : { ...g, value: g.value + sign * (g.marginOfError ?? 0) });
  const measured = new Map(current.map((g) => [g.key, g]));
  return rankLeaderboard(kpi, current.map(cautious), previous.map(cautious), minSample).map((row) => {
    const g = measured.get(row.key)!;
    return { ...row, value: g.value, marginOfError: g.marginOfError ?? null };
  });
}
