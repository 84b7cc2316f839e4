import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { createDashboard, saveWidget } from "@/lib/dashboards/manage-dashboards";
import { getDashboard } from "@/lib/dashboards/load-dashboard";
import type { WidgetConfigInput } from "@/lib/dashboards/widget-config";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveCustomKpi, type CustomKpiInput } from "@/lib/kpi/custom/save-custom-kpi";
import type { AnyKpiKey } from "@/lib/kpi/kpi-directory";

/**
 * Three KPIs a support manager would define (issue #21), with formulas the engine computes today:
 * ticket counts and shares on the rollup's dimensions, arithmetic, and built-in references.
 */
export const DEMO_CUSTOM_KPIS = [
  {
    name: "Chat share of new tickets", unit: "percent", direction: "neutral",
    description: "Of the tickets customers opened, the share that came in by chat: how fast chat is taking over from email.",
    formula: "share(tickets by created, channel = chat)",
  },
  {
    name: "Urgent tickets solved", unit: "count", direction: "higher",
    description: "Tickets of urgent priority solved in the period.",
    formula: "count(tickets by solved where priority = urgent)",
  },
  {
    name: "Solved per created", unit: "number", direction: "higher",
    description: "Tickets solved for each ticket opened: above 1 the backlog shrinks, below 1 it grows.",
    formula: "tickets_solved / ticket_volume",
  },
] as const satisfies readonly CustomKpiInput[];

export const DEMO_CUSTOM_DASHBOARD = "My KPIs";

/** The demo's custom KPIs and a dashboard of their own; returns the dashboard's slug. */
export async function insertDemoCustomKpis(prisma: PrismaClient): Promise<string> {
  const [share, urgent, ratio] = await Promise.all(DEMO_CUSTOM_KPIS.map(async (kpi) => (await saveCustomKpi(prisma, kpi)).key as AnyKpiKey)) as [AnyKpiKey, AnyKpiKey, AnyKpiKey];
  // The built-in dashboards first: they are made only while there are none, and this one would be.
  await ensureDefaultDashboard(prisma);
  const { slug } = await createDashboard({ prisma }, { name: DEMO_CUSTOM_DASHBOARD });
  const { id } = (await getDashboard(prisma, slug))!;
  const widgets: { title: string; config: WidgetConfigInput }[] = [
    { title: "Chat share of new tickets", config: { kind: "kpi_number", kpi: share } },
    { title: "Urgent tickets solved", config: { kind: "kpi_number", kpi: urgent } },
    { title: "Solved per created", config: { kind: "kpi_number", kpi: ratio } },
    { title: "Chat share, day by day", config: { kind: "time_series", kpis: [share] } },
    { title: "Urgent tickets solved by team", config: { kind: "bar_breakdown", kpi: urgent, by: "team" } },
    { title: "Solved per created by team", config: { kind: "leaderboard", kpi: ratio, by: "team" } },
  ];
  // One after another: each is placed in the first space the ones before it left free.
  for (const widget of widgets) await saveWidget({ prisma }, id, null, widget);
  return slug;
}
