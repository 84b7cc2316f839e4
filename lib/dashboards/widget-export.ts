import type { KpiScope } from "@/lib/auth/scope";
import { datetime, integer, kpiColumn, text, type ExportColumn, type ExportRow } from "@/lib/exports/export-table";
import { exportResponse } from "@/lib/exports/write-export";
import type { ExportFormat } from "@/lib/exports/export-table";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";

import type { WidgetData } from "./dashboard-data";
import type { DashboardFilters } from "./dashboard-filters";
import { busyAsProblem } from "./handle-snapshot-request";
import { getDashboard, loadDashboardSnapshot } from "./load-dashboard";

// A widget's numbers as a file, taken from the same shared snapshot the dashboard's poll answers
// with: the file holds exactly what the widget shows for these filters, and costs no extra query
// when the dashboard is open.

const at = (iso: string) => new Date(iso);

/** The widget's data as columns and rows; null for a widget that shows no data (text). */
export function widgetTable(data: WidgetData): { columns: ExportColumn[]; rows: ExportRow[] } | null {
  switch (data.kind) {
    case "kpi_number":
    case "gauge":
      return {
        columns: [text("KPI"), kpiColumn("Value", data.fact.unit), kpiColumn("Previous period", data.fact.unit), kpiColumn("Target", data.fact.unit), integer("Records")],
        rows: [[data.fact.name, data.current.value, data.previous?.value ?? null, data.target?.value ?? null, data.current.n]],
      };
    case "time_series":
      return {
        columns: [datetime(data.bucket === "hour" ? "Hour" : data.bucket === "day" ? "Day" : "Week starting"), ...data.series.flatMap((s) => [kpiColumn(s.name, s.unit), kpiColumn(`${s.name}, previous period`, s.unit)])],
        rows: data.buckets.map((bucket, i) => [at(bucket), ...data.series.flatMap((s) => [s.points[i] ?? null, s.previous[i] ?? null])]),
      };
    case "bar_breakdown":
      return {
        columns: [text("Group"), kpiColumn("Value", data.unit), integer("Records")],
        rows: data.groups.map((g) => [g.label, g.value, g.n]),
      };
    case "leaderboard":
      return {
        columns: [
          integer("Rank"), text(data.by === "agent" ? "Agent" : "Team"), kpiColumn(data.fact.name, data.unit), integer("Records"), integer("Previous rank"),
          ...(data.ranking === "improvement" ? [kpiColumn("Change", data.unit)] : []),
        ],
        rows: data.rows.map((r) => [r.rank, r.label, r.value, r.n, r.previousRank, ...(data.ranking === "improvement" ? [r.change ?? null] : [])]),
      };
    case "live_queue":
      return {
        columns: [integer("Agents available"), integer("Calls waiting"), kpiColumn("Longest wait", "seconds")],
        rows: [[data.agentsAvailable, data.callsWaiting, data.longestWait]],
      };
    case "sla_at_risk":
      return {
        columns: [text("Ticket"), text("Subject"), text("Priority"), text("Team"), text("Assignee"), datetime("Created"), datetime("First response due"), kpiColumn("Time left", "seconds")],
        rows: data.tickets.map((t) => [t.externalId, t.subject, t.priority, t.team, t.assignee, at(t.createdAt), at(t.dueAt), t.secondsLeft]),
      };
    case "competition": {
      const standing = data.standing;
      return {
        columns: [integer("Rank"), text(standing?.participantKind === "team" ? "Team" : "Agent"), kpiColumn(standing?.fact.name ?? "Value", standing?.unit ?? "count"), integer("Records"), kpiColumn("Share of goal", "percent")],
        rows: (standing?.rows ?? []).map((r) => [r.rank, r.label, r.value, r.n, r.progress === null ? null : r.progress * 100]),
      };
    }
    case "achievements_feed":
      return {
        columns: [datetime("Awarded"), text("Achievement"), text("Who"), text("Value")],
        rows: data.awards.map((a) => [at(a.awardedAt), a.achievement, a.subjectName, a.formatted]),
      };
    case "text":
      return null;
  }
}

/** GET /api/v1/dashboards/<slug>/widgets/<id>/export: one widget's data as CSV or XLSX. */
export async function handleWidgetExport(
  prisma: PrismaClient,
  slug: string,
  widgetId: number,
  filters: DashboardFilters,
  scope: KpiScope,
  format: ExportFormat,
): Promise<Response> {
  const dashboard = await getDashboard(prisma, slug);
  const widget = dashboard?.widgets.find((w) => w.id === widgetId);
  if (!dashboard || !widget) return problem(404, "not_found", `No widget ${widgetId} on dashboard ${slug}.`);
  const result = await busyAsProblem(loadDashboardSnapshot(prisma, dashboard, filters, scope));
  if (result instanceof Response) return result;
  if (!result.ok) return problem(403, "forbidden", `${result.parameter}: ${result.message}`, { invalidParams: [{ name: result.parameter, reason: result.message }] });
  const data = result.snapshot.data.widgets[String(widget.id)];
  const table = data && widgetTable(data);
  if (!table) return problem(404, "not_found", `Widget ${widgetId} shows no data to export.`);
  return exportResponse({ title: `${dashboard.name} - ${widget.title}`, timeZone: result.snapshot.data.window.timeZone, ...table }, format);
}
