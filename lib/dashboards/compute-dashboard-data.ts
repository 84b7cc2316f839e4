import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isKpiKey, needsMinimumSample } from "@/lib/kpi/catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "@/lib/kpi/get-kpi-snapshot";
import { kpiChannelNote } from "@/lib/kpi/kpi-channel-note";
import { loadKpiDirectory, shownKpi, type AnyKpiKey } from "@/lib/kpi/kpi-directory";
import { NO_GROUPING, type HoursBasis, type KpiFilters, type KpiGrouping } from "@/lib/kpi/kpi-query";
import { loadRollupStates } from "@/lib/kpi/rollups/load-rollup-states";
import { comparisonWindow, presetWindow, previousPeriod, timeBuckets, type BucketUnit, type TimeWindow } from "@/lib/kpi/time-windows";
import { anonymised } from "@/lib/leaderboards/anonymised";
import { initials } from "@/lib/leaderboards/initials";
import { rankImprovement } from "@/lib/leaderboards/rank-improvement";
import { rankLeaderboard } from "@/lib/leaderboards/rank-leaderboard";
import { rankVolumeAdjusted } from "@/lib/leaderboards/rank-volume-adjusted";
import { sortedForKpi } from "@/lib/leaderboards/sorted-for-kpi";
import { recentAwards, type AwardView } from "@/lib/motivation/achievements";
import { competitionStanding, scopedStanding, type CompetitionStanding } from "@/lib/motivation/competitions";
import type { CanSee } from "@/lib/auth/scope";
import { listAtRiskTickets, type AtRiskList } from "@/lib/sla/at-risk-tickets";
import { targetStanding } from "@/lib/targets/target-standing";
import { resolveTarget, type Target } from "@/lib/targets/targets";

import type { DashboardData, KpiFigure, ShownAward, TargetFigure, WidgetData } from "./dashboard-data";
import type { DashboardWidget } from "./widget-config";

export interface DashboardQuery {
  widgets: DashboardWidget[];
  /** The caller's filters, already narrowed to their scope. */
  filters: KpiFilters;
  /** Leaderboards of an agent user rank their team, not just themselves. */
  leaderboardFilters: KpiFilters;
  window: TimeWindow;
  timeZone: string;
  now: Date;
  serviceLevelSeconds: number;
  minSampleSize: number;
  targets: Target[];
  /** Whose targets apply: a single team or agent in view picks theirs over the organisation's. */
  targetScope: { teamId?: number | null; agentId?: number | null };
  /** Whose names and numbers the viewer may see in competitions and achievements. */
  canSee: CanSee;
}

/** How far back an award is still news worth celebrating on a screen that polls. */
const CELEBRATE_AWARDS_FOR_MS = 10 * 60_000;

export function autoBucket(window: TimeWindow): Exclude<BucketUnit, "month"> {
  const days = (window.to.getTime() - window.from.getTime()) / 86_400_000;
  return days <= 2 ? "hour" : days <= 92 ? "day" : "week";
}

interface Request {
  window: TimeWindow;
  grouping: KpiGrouping;
  filters: KpiFilters;
  hours: HoursBasis;
  keys: Set<AnyKpiKey>;
  result?: Map<AnyKpiKey, KpiSnapshotEntry>;
}

/**
 * Everything a dashboard shows, in as few KPI queries as its widgets allow: widgets that need the
 * same window, grouping and filters share one getKpiSnapshot call (itself one statement per KPI
 * family), so ten number widgets over the same window cost one query per family, not ten; a number
 * is read with its sparkline, and the time series over the same window share that pass.
 */
export async function computeDashboardData(prisma: PrismaClient, q: DashboardQuery): Promise<DashboardData> {
  // Built-in and custom KPIs alike: the directory names, units and directions them.
  const directory = await loadKpiDirectory(prisma);
  const fact = (key: AnyKpiKey) => directory.fact(key);
  const requests = new Map<string, Request>();
  const need = (window: TimeWindow, grouping: KpiGrouping, filters: KpiFilters, keys: AnyKpiKey[], hours: HoursBasis = "calendar") => {
    const id = JSON.stringify([window.from, window.to, grouping.by === "time" ? grouping.buckets.length + grouping.buckets[0]!.key : grouping.by, filters, hours]);
    const request = requests.get(id) ?? { window, grouping, filters, hours, keys: new Set() };
    for (const key of keys) request.keys.add(key);
    requests.set(id, request);
    return request;
  };
  const windowOf = (widget: DashboardWidget) =>
    "window" in widget.config && widget.config.window ? presetWindow(widget.config.window, q.now, q.timeZone) : q.window;
  const bucketsOf = (window: TimeWindow, unit: Exclude<BucketUnit, "month">) =>
    ({ by: "time", buckets: timeBuckets(window, unit, q.timeZone) }) as const;

  const plans = q.widgets.map((widget) => {
    const config = widget.config;
    const window = windowOf(widget);
    switch (config.kind) {
      case "kpi_number":
      case "gauge": {
        const previous = comparisonWindow(window, q.now, q.timeZone);
        // The number and its sparkline are one request: the bucketed pass gives the whole window too.
        const sparkline = fact(config.kpi).live ? null : need(window, bucketsOf(window, autoBucket(window)), q.filters, [config.kpi], config.hours);
        return {
          widget,
          current: sparkline ?? need(window, NO_GROUPING, q.filters, [config.kpi], config.hours),
          previous: need(previous, NO_GROUPING, q.filters, [config.kpi], config.hours),
          sparkline,
        };
      }
      case "time_series": {
        const unit = config.bucket === "auto" ? autoBucket(window) : config.bucket;
        const before = previousPeriod(window, q.timeZone);
        return {
          widget,
          unit,
          current: need(window, bucketsOf(window, unit), q.filters, config.kpis, config.hours),
          previous: need(before, bucketsOf(before, unit), q.filters, config.kpis, config.hours),
        };
      }
      case "bar_breakdown":
        return { widget, current: need(window, { by: config.by }, q.filters, [config.kpi], config.hours) };
      case "leaderboard":
        return {
          widget,
          current: need(window, { by: config.by }, q.leaderboardFilters, [config.kpi], config.hours),
          previous: need(comparisonWindow(window, q.now, q.timeZone), { by: config.by }, q.leaderboardFilters, [config.kpi], config.hours),
        };
      case "sla_at_risk":
      case "competition":
      case "achievements_feed":
        return { widget };
      case "live_queue":
        return { widget, current: need(window, NO_GROUPING, q.filters, ["agents_available", "calls_waiting", "longest_wait"]) };
      case "text":
        return { widget };
    }
  });

  // Widgets show means (the headline); medians and p90s are left to the KPI's own page, which a
  // card links to.
  // The rollups' state is read once per computation for every window the widgets ask for (and up
  // to now, from where a past window's backlog is read back), not once per request.
  const windows = [...requests.values()].map((r) => r.window);
  const rollups = windows.length === 0 ? {} : await loadRollupStates(prisma, {
    from: new Date(Math.min(...windows.map((w) => w.from.getTime()))),
    to: new Date(Math.max(q.now.getTime(), ...windows.map((w) => w.to.getTime()))),
  });
  const base = { timeZone: q.timeZone, now: q.now, serviceLevelSeconds: q.serviceLevelSeconds, percentiles: false, rollups };
  // A dashboard with an anonymous leaderboard hangs where names must not show: every person's name
  // on it (competitions, achievements, celebrations, assignees of at-risk tickets) becomes initials.
  const anonymous = q.widgets.some((w) => w.config.kind === "leaderboard" && w.config.anonymous);
  const shown = (awards: AwardView[]): ShownAward[] =>
    awards.map((a) => ({
      id: a.id, achievement: a.achievement, kpi: a.kpi, scope: a.scope, value: a.value, formatted: a.formatted, awardedAt: a.awardedAt,
      subjectName: anonymous ? initials(a.subjectName) : a.subjectName,
    }));
  const atRisk = new Map<number, AtRiskList>();
  const standings = new Map<number, CompetitionStanding | null>();
  const org = { name: "", timeZone: q.timeZone, serviceLevelSeconds: q.serviceLevelSeconds, minSampleSize: q.minSampleSize };
  const feedLimit = Math.max(0, ...q.widgets.map((w) => (w.config.kind === "achievements_feed" ? w.config.limit : 0)));
  const [feed, celebrate] = await Promise.all([
    feedLimit ? recentAwards(prisma, q.canSee, { limit: feedLimit }) : [],
    recentAwards(prisma, q.canSee, { since: new Date(q.now.getTime() - CELEBRATE_AWARDS_FOR_MS), limit: 10 }),
  ]);
  await Promise.all([
    ...q.widgets.map(async ({ config }) => {
      if (config.kind !== "competition" || standings.has(config.competitionId)) return;
      standings.set(config.competitionId, null);
      const competition = await prisma.competition.findUnique({ where: { id: config.competitionId } });
      if (!competition) return;
      const standing = scopedStanding(await competitionStanding(prisma, competition, org, q.now), q.canSee);
      standings.set(config.competitionId, anonymous ? { ...standing, rows: anonymised(standing.rows) } : standing);
    }),
    ...[...requests.values()].map(async (r) => {
      r.result = await getKpiSnapshot(prisma, [...r.keys], { ...base, ...r.window, filters: r.filters, grouping: r.grouping, hours: r.hours }, { directory });
    }),
    ...q.widgets.map(async ({ id, config }) => {
      if (config.kind !== "sla_at_risk") return;
      const list = await listAtRiskTickets(prisma, { filters: q.filters, now: q.now, horizonSeconds: config.horizonMinutes * 60, limit: config.limit });
      atRisk.set(id, anonymous ? { ...list, tickets: list.tickets.map((t) => ({ ...t, assignee: t.assignee && initials(t.assignee) })) } : list);
    }),
  ]);

  const widgets: Record<string, WidgetData> = {};
  for (const plan of plans) {
    const config = plan.widget.config;
    const entry = (request: Request | undefined | null, kpi: AnyKpiKey) => request?.result?.get(kpi);
    let data: WidgetData;
    switch (config.kind) {
      case "kpi_number":
      case "gauge": {
        const p = plan as { current: Request; previous: Request; sparkline: Request | null };
        const current = entry(p.current, config.kpi)!;
        const target = resolveTarget(q.targets, config.kpi, q.targetScope);
        data = {
          kind: config.kind,
          kpi: config.kpi,
          fact: shownKpi(fact(config.kpi)),
          current: figure(current),
          previous: fact(config.kpi).live ? null : figure(entry(p.previous, config.kpi)!),
          sparkline: entry(p.sparkline, config.kpi)?.groups?.map((g) => g.value) ?? [],
          target: target && targetFigure(target),
          standing: targetStanding(fact(config.kpi), current, target, q.minSampleSize),
          // A custom formula may count several kinds of record: no one channel rule applies to it.
          channelNote: isKpiKey(config.kpi) ? kpiChannelNote(config.kpi, q.filters) : null,
        };
        break;
      }
      case "time_series": {
        const p = plan as { current: Request; previous: Request; unit: "hour" | "day" | "week" };
        const first = entry(p.current, config.kpis[0]!)!;
        data = {
          kind: "time_series",
          bucket: p.unit,
          buckets: (first.groups ?? []).map((g) => g.key ?? ""),
          series: config.kpis.map((kpi) => ({
            kpi,
            name: fact(kpi).name,
            unit: fact(kpi).unit,
            points: (entry(p.current, kpi)!.groups ?? []).map((g) => g.value),
            previous: (entry(p.previous, kpi)!.groups ?? []).map((g) => g.value),
            goal: resolveTarget(q.targets, kpi, q.targetScope)?.value ?? null,
          })),
        };
        break;
      }
      case "bar_breakdown": {
        const groups = entry((plan as { current: Request }).current, config.kpi)!.groups ?? [];
        data = {
          kind: "bar_breakdown",
          kpi: config.kpi,
          unit: fact(config.kpi).unit,
          groups: sortedForKpi(fact(config.kpi), groups),
          goal: resolveTarget(q.targets, config.kpi, q.targetScope)?.value ?? null,
        };
        break;
      }
      case "leaderboard": {
        const p = plan as { current: Request; previous: Request };
        const [current, previous] = [entry(p.current, config.kpi)!.groups ?? [], entry(p.previous, config.kpi)!.groups ?? []];
        const rank = { value: rankLeaderboard, improvement: rankImprovement, volume_adjusted: rankVolumeAdjusted }[config.ranking];
        const rows = rank(fact(config.kpi), current, previous, q.minSampleSize).slice(0, config.limit);
        data = {
          kind: "leaderboard",
          kpi: config.kpi,
          fact: shownKpi(fact(config.kpi)),
          unit: fact(config.kpi).unit,
          by: config.by,
          minSample: needsMinimumSample(fact(config.kpi)) ? q.minSampleSize : 0,
          ranking: config.ranking,
          anonymous: config.anonymous,
          rows: config.anonymous ? anonymised(rows) : rows,
        };
        break;
      }
      case "live_queue": {
        const r = (plan as { current: Request }).current;
        data = {
          kind: "live_queue",
          agentsAvailable: entry(r, "agents_available")!.value,
          callsWaiting: entry(r, "calls_waiting")!.value,
          longestWait: entry(r, "longest_wait")!.value,
        };
        break;
      }
      case "sla_at_risk":
        data = { kind: "sla_at_risk", horizonMinutes: config.horizonMinutes, ...atRisk.get(plan.widget.id)! };
        break;
      case "competition":
        data = { kind: "competition", standing: standings.get(config.competitionId) ?? null };
        break;
      case "achievements_feed":
        data = { kind: "achievements_feed", awards: shown(feed.slice(0, config.limit)) };
        break;
      case "text":
        data = { kind: "text" };
    }
    widgets[String(plan.widget.id)] = data;
  }
  return {
    computedAt: q.now.toISOString(),
    window: { from: q.window.from.toISOString(), to: q.window.to.toISOString(), timeZone: q.timeZone },
    widgets,
    awards: shown(celebrate),
  };
}

function figure(entry: KpiSnapshotEntry): KpiFigure {
  const { value, unit, n, numerator, denominator, median, p90, marginOfError } = entry;
  return Object.fromEntries(
    Object.entries({ value, unit, n, numerator, denominator, median, p90, marginOfError }).filter(([, v]) => v !== undefined),
  ) as unknown as KpiFigure;
}

function targetFigure(target: Target): TargetFigure {
  return {
    value: target.value,
    warning: target.warning,
    critical: target.critical,
    scope: target.agentId !== null ? "agent" : target.teamId !== null ? "team" : "organisation",
  };
}
