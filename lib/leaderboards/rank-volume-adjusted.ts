import { factOf, type KpiRef } from "@/lib/kpi/kpi-directory";

import type { LeaderboardRow, RankedGroup } from "./leaderboard-row";
import { rankLeaderboard } from "./rank-leaderboard";

/**
 * Adjusted for handled volume: a rate or score is ranked by the cautious end of its 95 % interval
 * (the value less its margin of error, or plus it when lower is better), so 100 % from 12 surveys
 * does not outrank 97 % from 300. The rows still show the measured value, with its margin.
 */
export function rankVolumeAdjusted(kpi: KpiRef, current: RankedGroup[], previous: RankedGroup[], minSample: number): LeaderboardRow[] {
  const sign = factOf(kpi).direction === "lower" ? 1 : -1;
  const cautious = (g: RankedGroup): RankedGroup => (g.value === null ? g : { ...g, value: g.value + sign * (g.marginOfError ?? 0) });
  const measured = new Map(current.map((g) => [g.key, g]));
  return rankLeaderboard(kpi, current.map(cautious), previous.map(cautious), minSample).map((row) => {
    const g = measured.get(row.key)!;
    return { ...row, value: g.value, marginOfError: g.marginOfError ?? null };
  });
}
