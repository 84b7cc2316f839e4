import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isKpiKey } from "@/lib/kpi/catalog";
import { isCustomKpiKey, type AnyKpiKey, type KpiDirectory, type KpiFact } from "@/lib/kpi/kpi-directory";
import { parseKpiAmount, ZKpiAmountText } from "@/lib/kpi/parse-kpi-amount";

// A target is a goal for one KPI, for the organisation, a team or an agent, with two thresholds:
// `value` is the goal, `warning` and `critical` say how far from it is off target and critical.
// How a value stands against them is `targetStanding` (./target-standing.ts). "Better" follows
// the KPI's direction; neutral KPIs (volumes) count higher as better.

export interface Target {
  id: number;
  kpiKey: AnyKpiKey;
  teamId: number | null;
  agentId: number | null;
  value: number;
  warning: number;
  critical: number;
}

const higherIsBetter = (kpi: KpiFact) => kpi.direction !== "lower";

/** The most specific target for a view: the agent's, else the team's, else the organisation's. */
export function resolveTarget(targets: Target[], kpi: AnyKpiKey, scope: { teamId?: number | null; agentId?: number | null }): Target | null {
  const forKpi = targets.filter((t) => t.kpiKey === kpi);
  return (
    (scope.agentId != null ? forKpi.find((t) => t.agentId === scope.agentId) : undefined) ??
    (scope.teamId != null ? forKpi.find((t) => t.teamId === scope.teamId && t.agentId === null) : undefined) ??
    forKpi.find((t) => t.teamId === null && t.agentId === null) ??
    null
  );
}

const AMOUNTS = ["value", "warning", "critical"] as const;

/**
 * The goal and thresholds are typed in the KPI's unit: durations as "1h 30m" or seconds, the rest
 * as numbers. Any KPI of the directory, built-in or custom, may have targets.
 */
export const targetInputSchema = (directory: KpiDirectory) => z
  .object({
    kpiKey: z.string().refine((key) => directory.has(key), "choose a KPI"),
    team: z.string().trim().optional(),
    agent: z.string().trim().optional(),
    value: ZKpiAmountText,
    warning: ZKpiAmountText,
    critical: ZKpiAmountText,
  })
  .transform((t, ctx) => {
    const unit = directory.fact(t.kpiKey as AnyKpiKey).unit;
    const amounts = { value: 0, warning: 0, critical: 0 };
    for (const field of AMOUNTS) {
      const parsed = parseKpiAmount(unit, t[field]);
      if ("error" in parsed) ctx.addIssue({ code: "custom", path: [field], message: parsed.error });
      else amounts[field] = parsed.amount;
    }
    return { ...t, kpiKey: t.kpiKey as AnyKpiKey, ...amounts };
  })
  .superRefine((t, ctx) => {
    if (t.team && t.agent) ctx.addIssue({ code: "custom", path: ["agent"], message: "a target is for a team or an agent, not both" });
    const higher = higherIsBetter(directory.fact(t.kpiKey));
    const ordered = (better: number, worse: number) => (higher ? better >= worse : better <= worse);
    const word = higher ? "at least" : "at most";
    if (!ordered(t.value, t.warning)) ctx.addIssue({ code: "custom", path: ["warning"], message: `the goal must be ${word} the warning threshold` });
    if (!ordered(t.warning, t.critical)) ctx.addIssue({ code: "custom", path: ["critical"], message: `the warning threshold must be ${word} the critical one` });
  });
export type TargetInput = z.input<ReturnType<typeof targetInputSchema>>;

export async function listTargets(prisma: PrismaClient): Promise<Target[]> {
  const rows = await prisma.target.findMany({ orderBy: [{ kpiKey: "asc" }, { id: "asc" }] });
  return rows.filter((r) => isKpiKey(r.kpiKey) || isCustomKpiKey(r.kpiKey)).map((r) => ({ ...r, kpiKey: r.kpiKey as AnyKpiKey }));
}
