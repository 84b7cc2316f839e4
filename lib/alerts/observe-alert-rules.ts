import { targetScopeOf } from "@/lib/dashboards/load-dashboard";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { shownKpi, type KpiDirectory } from "@/lib/kpi/kpi-directory";
import { NO_GROUPING, type KpiFilters } from "@/lib/kpi/kpi-query";
import type { OrgSettings } from "@/lib/org/get-org-settings";
import { listAtRiskTickets } from "@/lib/sla/at-risk-tickets";
import { targetStanding, tooFewRecords } from "@/lib/targets/target-standing";
import { resolveTarget, type Target } from "@/lib/targets/targets";

import type { AlertRule } from "./alert-rules";
import type { Observation } from "./alert-transition";
import { alertWindow, type AlertWindow } from "./alert-windows";

export interface AlertObservation {
  breached: Observation;
  /** The KPI's value, or the SLA tickets breached plus at risk; null without one. */
  value: number | null;
  /** For an off-target rule, the goal it is judged against. */
  goal?: number;
}

export interface ObserveContext {
  now: Date;
  org: OrgSettings;
  targets: Target[];
  directory: KpiDirectory;
}

const NO_VERDICT: AlertObservation = { breached: null, value: null };

/**
 * What every rule sees now, at the cost of one computation per distinct question rather than one
 * per rule: KPI rules that share a window and filters share one getKpiSnapshot call for all their
 * KPIs (one statement per KPI family, over the hourly rollups plus the raw edges, as a dashboard
 * poll), and SLA rules that share filters and horizon share one at-risk count. A question that fails
 * gives its rules no verdict (logged); the others are still judged.
 */
export async function observeAlertRules(prisma: PrismaClient, rules: AlertRule[], ctx: ObserveContext): Promise<Map<number, AlertObservation>> {
  const groups = new Map<string, AlertRule[]>();
  for (const rule of rules) {
    const question = rule.check.kind === "kpi" ? ["kpi", rule.window, rule.filters] : ["sla", rule.check.horizonMinutes, rule.filters];
    const key = JSON.stringify(question);
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  const observations = new Map<number, AlertObservation>();
  for (const members of groups.values()) {
    const first = members[0]!;
    try {
      const seen = first.check.kind === "kpi" ? await observeKpis(prisma, members, first.window, first.filters, ctx) : await observeAtRisk(prisma, members, first.filters, ctx.now);
      for (const [id, observation] of seen) observations.set(id, observation);
    } catch (error) {
      console.error(`Deskpulse: alert rules ${members.map((r) => r.id).join(", ")} could not be evaluated: ${error instanceof Error ? error.message : String(error)}`);
      for (const rule of members) observations.set(rule.id, NO_VERDICT);
    }
  }
  return observations;
}

async function observeKpis(prisma: PrismaClient, rules: AlertRule[], window: AlertWindow, filters: KpiFilters, ctx: ObserveContext) {
  const keys = [...new Set(rules.flatMap((r) => (r.check.kind === "kpi" ? [r.check.kpiKey] : [])))].filter((key) => ctx.directory.has(key));
  const [snapshot, targetScope] = await Promise.all([
    getKpiSnapshot(
      prisma,
      keys,
      {
        ...alertWindow(window, ctx.now, ctx.org.timeZone),
        timeZone: ctx.org.timeZone,
        filters,
        now: ctx.now,
        serviceLevelSeconds: ctx.org.serviceLevelSeconds,
        grouping: NO_GROUPING,
        // The mean is what is judged; the percentiles would cost a statement more.
        percentiles: false,
      },
      { directory: ctx.directory },
    ),
    targetScopeOf(prisma, filters),
  ]);
  return rules.map((rule): [number, AlertObservation] => {
    if (rule.check.kind !== "kpi") return [rule.id, NO_VERDICT];
    const entry = snapshot.get(rule.check.kpiKey);
    if (!entry || entry.value === null || !Number.isFinite(entry.value)) return [rule.id, NO_VERDICT];
    const kpi = shownKpi(ctx.directory.fact(rule.check.kpiKey));
    const value = entry.value;
    // A rate over fewer records than the organisation's minimum sample is luck, not a trend.
    if (tooFewRecords(kpi, entry.n, ctx.org.minSampleSize) !== null) return [rule.id, { breached: null, value }];
    if (rule.check.condition === "threshold") {
      const worse = kpi.direction === "lower" ? value > rule.check.threshold : value < rule.check.threshold;
      return [rule.id, { breached: worse, value }];
    }
    const target = resolveTarget(ctx.targets, rule.check.kpiKey, targetScope);
    const standing = targetStanding(kpi, { value, n: entry.n }, target, ctx.org.minSampleSize);
    if (!target || !standing || "tooFew" in standing) return [rule.id, { breached: null, value }];
    return [rule.id, { breached: standing.status === "off" || standing.status === "critical", value, goal: target.value }];
  });
}

async function observeAtRisk(prisma: PrismaClient, rules: AlertRule[], filters: KpiFilters, now: Date) {
  const first = rules[0]!.check;
  if (first.kind !== "sla_at_risk") return [];
  // The counts come with the first row; one row is all that is read.
  const list = await listAtRiskTickets(prisma, { filters, now, horizonSeconds: first.horizonMinutes * 60, limit: 1 });
  const value = list.breached + list.atRisk;
  return rules.map((rule): [number, AlertObservation] => [rule.id, rule.check.kind === "sla_at_risk" ? { breached: value > rule.check.moreThan, value } : NO_VERDICT]);
}
