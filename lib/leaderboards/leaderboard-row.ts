/** One agent or team on a leaderboard or a competition's standing. */
export interface LeaderboardRow {
  key: string;
  label: string;
  value: number | null;
  n: number;
  /** null when unranked: too few responses for a rate, or no value. */
  rank: number | null;
  previousRank: number | null;
  /** "Most improved" boards: the change against the previous period (current − previous). */
  change?: number | null;
  /** Volume-adjusted boards: the 95 % margin of error the rank allowed for. */
  marginOfError?: number | null;
}

/** A KPI's value for one agent or team (a breakdown group), as ranking reads it. */
export type RankedGroup = { key: string | null; label: string; value: number | null; n: number; marginOfError?: number | null };
