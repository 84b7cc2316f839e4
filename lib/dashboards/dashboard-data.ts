import type { KpiUnit } from "@/lib/kpi/catalog";
import type { AnyKpiKey, ShownKpi } from "@/lib/kpi/kpi-directory";
import type { KpiResult } from "@/lib/kpi/kpi-result";
import type { LeaderboardRow } from "@/lib/leaderboards/leaderboard-row";
import type { AwardView } from "@/lib/motivation/achievements";
import type { CompetitionStanding } from "@/lib/motivation/competitions";
import type { AtRiskList } from "@/lib/sla/at-risk-tickets";
import type { TargetStanding } from "@/lib/targets/target-standing";

// The JSON a dashboard poll returns: everything its widgets show, keyed by widget id. The server
// renders the first paint from it and the client polls for the next one.

/** A KPI's value and counts, without its key (the widget names it) or card details. */
export type KpiFigure = Omit<KpiResult, "key" | "details">;

export interface TargetFigure {
  value: number;
  warning: number;
  critical: number;
  /** Whose target applies: the organisation's, a team's or an agent's. */
  scope: "organisation" | "team" | "agent";
}

export interface NumberWidgetData {
  kind: "kpi_number" | "gauge";
  kpi: AnyKpiKey;
  /** What the card says about the KPI: from the directory, so a custom KPI shows as a built-in does. */
  fact: ShownKpi;
  current: KpiFigure;
  previous: KpiFigure | null;
  sparkline: (number | null)[];
  target: TargetFigure | null;
  /** How the value stands against the target, or that it rests on too few records to say. */
  standing: TargetStanding | null;
  /** "Does not apply to email" when the channel filter rules out every record the KPI counts. */
  channelNote: string | null;
}

export interface SeriesWidgetData {
  kind: "time_series";
  bucket: "hour" | "day" | "week";
  /** Bucket starts as ISO 8601 with the local offset. */
  buckets: string[];
  series: {
    kpi: AnyKpiKey;
    name: string;
    unit: KpiUnit;
    points: (number | null)[];
    /** The previous period's buckets, aligned one to one with `points` (hour 9 with hour 9). */
    previous: (number | null)[];
    /** The resolved target's value, drawn as the goal line; null without a target. */
    goal: number | null;
  }[];
}

export interface BreakdownWidgetData {
  kind: "bar_breakdown";
  kpi: AnyKpiKey;
  unit: KpiUnit;
  groups: { key: string | null; label: string; value: number | null; n: number }[];
  /** The resolved target's value, marked across the bars; null without a target. */
  goal: number | null;
}

export interface LeaderboardWidgetData {
  kind: "leaderboard";
  kpi: AnyKpiKey;
  fact: ShownKpi;
  unit: KpiUnit;
  by: "agent" | "team";
  rows: LeaderboardRow[];
  minSample: number;
  ranking: "value" | "improvement" | "volume_adjusted";
  anonymous: boolean;
}

export interface LiveQueueWidgetData {
  kind: "live_queue";
  agentsAvailable: number | null;
  callsWaiting: number | null;
  longestWait: number | null;
}

export interface SlaAtRiskWidgetData extends AtRiskList {
  kind: "sla_at_risk";
  horizonMinutes: number;
}

export interface CompetitionWidgetData {
  kind: "competition";
  /** null when the competition no longer exists. */
  standing: CompetitionStanding | null;
}

/** An award as a screen shows it: who by name only (no ids reach the browser). */
export type ShownAward = Omit<AwardView, "subject">;

export interface AchievementsFeedWidgetData {
  kind: "achievements_feed";
  awards: ShownAward[];
}

export interface TextWidgetData {
  kind: "text";
}

export type WidgetData =
  | NumberWidgetData
  | SeriesWidgetData
  | BreakdownWidgetData
  | LeaderboardWidgetData
  | LiveQueueWidgetData
  | SlaAtRiskWidgetData
  | CompetitionWidgetData
  | AchievementsFeedWidgetData
  | TextWidgetData;

export interface DashboardData {
  /** When these numbers were computed (ISO 8601). */
  computedAt: string;
  window: { from: string; to: string; timeZone: string };
  widgets: Record<string, WidgetData>;
  /** Achievements awarded in the last few minutes that this viewer may see: what screens celebrate. */
  awards: ShownAward[];
  /**
   * Present when the server answered with its last good numbers because fresh ones were not ready
   * within one polling interval (lib/dashboards/snapshot-cache.ts): the view says it is updating.
   */
  stale?: true;
}
