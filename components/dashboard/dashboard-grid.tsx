"use client";

import type { CSSProperties } from "react";

import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { usesBusinessHours, type DashboardWidget } from "@/lib/dashboards/widget-config";

import { WidgetExportContext } from "./widget-frame";
import { AchievementsFeedWidget } from "./widgets/achievements-feed-widget";
import { BarBreakdownWidget } from "./widgets/bar-breakdown-widget";
import { CompetitionWidget } from "./widgets/competition-widget";
import { GaugeWidget } from "./widgets/gauge-widget";
import { KpiNumberWidget } from "./widgets/kpi-number-widget";
import { LeaderboardWidget } from "./widgets/leaderboard-widget";
import { LiveQueueWidget } from "./widgets/live-queue-widget";
import { SlaAtRiskWidget } from "./widgets/sla-at-risk-widget";
import { TextWidget } from "./widgets/text-widget";
import { TimeSeriesWidget } from "./widgets/time-series-widget";

interface DashboardGridProps {
  widgets: DashboardWidget[];
  data: DashboardData;
  stale: boolean;
  /** The current filters as a query string, carried into every drill-down link; null for no links (wall screens, view-only links). */
  search: string | null;
  /** Wall screens: the grid fills the screen's height instead of scrolling. */
  kiosk?: boolean;
  /** The desktop dashboard's slug: each widget with data offers its export. */
  exportSlug?: string;
}

/** Widgets on the 12-column grid at their stored places (stacked on narrow screens, see globals.css). */
export function DashboardGrid({ widgets, data, stale, search, kiosk = false, exportSlug }: DashboardGridProps) {
  return (
    <div className={kiosk ? "tv-grid" : "dashboard-grid"} style={kiosk ? { gridTemplateRows: kioskRows(widgets) } : undefined}>
      {widgets.map((widget) => {
        const style = { "--col": `${widget.x + 1} / span ${widget.w}`, "--row": `${widget.y + 1} / span ${widget.h}`, "--h": widget.h } as CSSProperties;
        return (
          <div key={widget.id} style={style} className="min-h-0" data-widget-id={widget.id}>
            <WidgetExportContext value={exportSlug && widget.config.kind !== "text" ? `/api/v1/dashboards/${encodeURIComponent(exportSlug)}/widgets/${widget.id}/export${search ?? ""}` : null}>
              <Widget widget={widget} data={data} stale={stale} search={search} kiosk={kiosk} />
            </WidgetExportContext>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A wall screen has no scrolling, so its rows share the height. A row holding only numbers gets
 * what a big number needs and no more; rows with charts and lists get at least what a readable
 * plot or a few whole rows need, and share everything left over.
 */
function kioskRows(widgets: DashboardWidget[]): string {
  const rows = Math.max(1, ...widgets.map((w) => w.y + w.h));
  const minimum = Array.from({ length: rows }, () => 0);
  const grows = Array.from({ length: rows }, () => false);
  for (const w of widgets) {
    const kind = w.config.kind;
    const fixed = kind === "kpi_number" || kind === "gauge" || kind === "live_queue" || kind === "text";
    const needs = kind === "kpi_number" || kind === "gauge" ? 7.5 : kind === "live_queue" ? 6 : kind === "text" ? 4 : 8;
    for (let r = w.y; r < w.y + w.h; r++) {
      minimum[r] = Math.max(minimum[r]!, needs / w.h);
      grows[r] ||= !fixed;
    }
  }
  return minimum.map((m, r) => (grows[r] || !grows.some(Boolean) ? `minmax(${m.toFixed(2)}rem, 1fr)` : `${m.toFixed(2)}rem`)).join(" ");
}

/** One widget with its numbers, as the dashboard, a wall screen and the editor show it. */
export function Widget({ widget, data, stale, search, kiosk }: { widget: DashboardWidget; data: DashboardData; stale: boolean; search: string | null; kiosk: boolean }) {
  const { config } = widget;
  const title = usesBusinessHours(config) ? `${widget.title} (business hours)` : widget.title;
  const d = data.widgets[String(widget.id)];
  if (config.kind === "text") return <TextWidget title={title} text={config.text} />;
  if (!d) return <div className="h-full animate-pulse rounded-2xl bg-slate-200 dark:bg-slate-800" aria-label="Loading" />;
  const kpiHref = (kpi: string) => (search === null ? undefined : `/kpis/${kpi}${search}`);
  switch (d.kind) {
    case "kpi_number":
      return <KpiNumberWidget title={title} data={d} href={kpiHref(d.kpi)} stale={stale} kiosk={kiosk} />;
    case "gauge":
      return <GaugeWidget title={title} data={d} href={kpiHref(d.kpi)} stale={stale} />;
    case "time_series":
      return <TimeSeriesWidget title={title} data={d} href={kpiHref(d.series[0]!.kpi)} stale={stale} now={Date.parse(data.computedAt)} />;
    case "bar_breakdown":
      return <BarBreakdownWidget title={title} data={d} href={kpiHref(d.kpi)} stale={stale} />;
    case "leaderboard":
      return (
        <LeaderboardWidget
          title={title}
          data={d}
          href={kpiHref(d.kpi)}
          stale={stale}
          rowHref={search === null || d.anonymous ? undefined : (key) => `/${d.by === "agent" ? "agents" : "teams"}/${encodeURIComponent(key)}${withKpi(search, d.kpi)}`}
        />
      );
    case "live_queue":
      return <LiveQueueWidget title={title} data={d} stale={stale} />;
    case "sla_at_risk":
      return <SlaAtRiskWidget title={title} data={d} stale={stale} linkTickets={search !== null} />;
    case "competition":
      return <CompetitionWidget title={title} data={d} stale={stale} now={Date.parse(data.computedAt)} />;
    case "achievements_feed":
      return <AchievementsFeedWidget title={title} data={d} stale={stale} now={Date.parse(data.computedAt)} />;
    case "text":
      return null;
  }
}

/** The filters plus the KPI to rank on, for a team or agent page. */
function withKpi(search: string, kpi: string): string {
  const params = new URLSearchParams(search);
  params.set("kpi", kpi);
  return `?${params.toString()}`;
}
