import type { PrismaClient } from "@/lib/generated/prisma/client";

import { storedConfig, ZWidgetConfig, type WidgetConfigInput } from "./widget-config";

type Placed = { title: string; config: WidgetConfigInput; x: number; y: number; w: number; h: number };

/** "Service overview": what a support manager checks first, on a 12-column grid. */
export const SERVICE_OVERVIEW: Placed[] = [
  { title: "Tickets created", config: { kind: "kpi_number", kpi: "ticket_volume" }, x: 0, y: 0, w: 3, h: 2 },
  { title: "First response time", config: { kind: "kpi_number", kpi: "first_response_time" }, x: 3, y: 0, w: 3, h: 2 },
  { title: "Customer satisfaction", config: { kind: "kpi_number", kpi: "csat" }, x: 6, y: 0, w: 3, h: 2 },
  { title: "Service level", config: { kind: "kpi_number", kpi: "service_level" }, x: 9, y: 0, w: 3, h: 2 },
  { title: "Tickets solved", config: { kind: "kpi_number", kpi: "tickets_solved" }, x: 0, y: 2, w: 3, h: 2 },
  { title: "Open backlog", config: { kind: "kpi_number", kpi: "backlog" }, x: 3, y: 2, w: 3, h: 2 },
  { title: "Average handle time", config: { kind: "kpi_number", kpi: "aht" }, x: 6, y: 2, w: 3, h: 2 },
  { title: "Abandonment rate", config: { kind: "kpi_number", kpi: "abandonment_rate" }, x: 9, y: 2, w: 3, h: 2 },
  { title: "Ticket volume", config: { kind: "time_series", kpis: ["ticket_volume", "tickets_solved"], bucket: "auto" }, x: 0, y: 4, w: 6, h: 4 },
  { title: "Response times", config: { kind: "time_series", kpis: ["first_response_time", "avg_reply_time"], bucket: "auto" }, x: 6, y: 4, w: 6, h: 4 },
  { title: "Tickets by team", config: { kind: "bar_breakdown", kpi: "ticket_volume", by: "team" }, x: 0, y: 8, w: 4, h: 4 },
  { title: "Tickets by channel", config: { kind: "bar_breakdown", kpi: "ticket_volume", by: "channel" }, x: 4, y: 8, w: 4, h: 4 },
  { title: "Live queue", config: { kind: "live_queue" }, x: 8, y: 8, w: 4, h: 4 },
  { title: "Top agents: tickets solved", config: { kind: "leaderboard", kpi: "tickets_solved", by: "agent", limit: 10 }, x: 0, y: 12, w: 6, h: 5 },
  { title: "Top agents: satisfaction", config: { kind: "leaderboard", kpi: "csat", by: "agent", limit: 10 }, x: 6, y: 12, w: 6, h: 5 },
];

/** "Service levels": SLA achievement in the policies' own clocks, durations in business hours, and what is about to breach. */
export const SERVICE_LEVELS: Placed[] = [
  { title: "SLA: first response", config: { kind: "kpi_number", kpi: "sla_first_response" }, x: 0, y: 0, w: 3, h: 2 },
  { title: "SLA: resolution", config: { kind: "kpi_number", kpi: "sla_resolution" }, x: 3, y: 0, w: 3, h: 2 },
  { title: "First response time", config: { kind: "kpi_number", kpi: "first_response_time", hours: "business" }, x: 6, y: 0, w: 3, h: 2 },
  { title: "Resolution time", config: { kind: "kpi_number", kpi: "avg_resolution_time", hours: "business" }, x: 9, y: 0, w: 3, h: 2 },
  { title: "About to breach first response", config: { kind: "sla_at_risk", horizonMinutes: 60, limit: 6 }, x: 0, y: 2, w: 6, h: 6 },
  { title: "First-response SLA by priority", config: { kind: "bar_breakdown", kpi: "sla_first_response", by: "priority" }, x: 6, y: 2, w: 6, h: 3 },
  { title: "Resolution SLA by team", config: { kind: "bar_breakdown", kpi: "sla_resolution", by: "team" }, x: 6, y: 5, w: 6, h: 3 },
  { title: "Response times", config: { kind: "time_series", kpis: ["first_response_time", "avg_reply_time"], hours: "business" }, x: 0, y: 8, w: 12, h: 4 },
];

/** On first run (no dashboards at all): "Service overview", the default, and "Service levels". */
export async function ensureDefaultDashboard(prisma: PrismaClient): Promise<void> {
  if ((await prisma.dashboard.count()) > 0) return;
  const widgets = (placed: Placed[]) => ({
    create: placed.map(({ config, ...widget }) => {
      const parsed = ZWidgetConfig.parse(config);
      return { ...widget, kind: parsed.kind, config: storedConfig(parsed) as object };
    }),
  });
  await prisma.$transaction([
    prisma.dashboard.create({ data: { slug: "service-overview", name: "Service overview", isDefault: true, widgets: widgets(SERVICE_OVERVIEW) } }),
    prisma.dashboard.create({ data: { slug: "service-levels", name: "Service levels", widgets: widgets(SERVICE_LEVELS) } }),
  ]);
}
