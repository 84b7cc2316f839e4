import type { BreakdownWidgetData, DashboardData, NumberWidgetData, SeriesWidgetData } from "@/lib/dashboards/dashboard-data";
import type { DashboardWidget } from "@/lib/dashboards/widget-config";
import { describeChange } from "@/lib/kpi/describe-change";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import type { NotificationImage, NotificationMessage, NotificationRow, NotificationTone } from "@/lib/notifications/notification-message";
import { TARGET_STATUS_WORDS, tooFewLabel, type TargetStatus } from "@/lib/targets/target-standing";

import { CHART_WIDTH, seriesChartSvg, SPARKLINE_WIDTH, sparklineSvg, svgToPng } from "./chart-images";

// A digest as the one message every channel renders (lib/notifications/notification-message.ts):
// the dashboard's KPI widgets with the numbers its cards show, read from the same snapshot, and
// their sparklines and charts as PNG images.

export interface DigestContent {
  /** "Morning numbers: Service overview · Mon 7 Dec" */
  title: string;
  /** "Yesterday (Mon 7 Dec) · Billing · Email", the period and whose numbers. */
  intro: string;
  link?: string;
  widgets: DashboardWidget[];
  data: DashboardData;
}

/** A breakdown lists at most this many groups: a digest is a summary, the dashboard has the rest. */
const BREAKDOWN_ROWS = 8;

const TONES: Record<TargetStatus, NotificationTone> = { met: "good", close: "warning", off: "warning", critical: "critical" };

/** "▲ 12% vs previous period (better) · ✓ Goal met · +1.2 pts above 85.0%": what the card says under its number. */
export function numberDetail(data: NumberWidgetData): string {
  const parts: string[] = [];
  if (data.channelNote) parts.push(data.channelNote);
  else if (data.fact.live) parts.push("Right now");
  else {
    const change = describeChange(data.fact, data.current.value, data.previous?.value ?? null);
    parts.push(change ? `${change.arrow} ${change.amount} vs previous period${change.tone === "same" ? "" : ` (${change.tone})`}` : "No earlier data to compare");
  }
  const standing = data.standing;
  if (standing && "tooFew" in standing) parts.push(tooFewLabel(data.fact, standing.tooFew));
  else if (standing) parts.push(`${TARGET_STATUS_WORDS[standing.status].symbol} ${TARGET_STATUS_WORDS[standing.status].label}`, standing.gap);
  else if (data.target) parts.push(`target ${formatKpiValue(data.target.value, data.fact.unit)}`);
  return parts.join(" · ");
}

const present = (points: readonly (number | null)[]) => points.filter((v) => v !== null && Number.isFinite(v)).length;

function image(id: string, alt: string, svg: string, width: number, size: NotificationImage["size"]): NotificationImage {
  return { id, alt, size, pngBase64: svgToPng(svg, width).toString("base64") };
}

export function buildDigestMessage(content: DigestContent): NotificationMessage {
  const numbers: NotificationRow[] = [];
  const charts: NotificationRow[] = [];
  const breakdowns: { heading: string; rows: NotificationRow[] }[] = [];
  const images: NotificationImage[] = [];
  for (const widget of content.widgets) {
    const data = content.data.widgets[String(widget.id)];
    if (!data) continue;
    if (data.kind === "kpi_number" || data.kind === "gauge") {
      const id = `kpi-${widget.id}`;
      const drawn = present(data.sparkline) >= 2;
      if (drawn) images.push(image(id, `${widget.title} over the period`, sparklineSvg(data.sparkline, data.target?.value ?? null), SPARKLINE_WIDTH, "small"));
      numbers.push({
        label: widget.title,
        value: formatKpiValue(data.current.value, data.fact.unit),
        detail: numberDetail(data),
        tone: data.standing && "status" in data.standing ? TONES[data.standing.status] : "neutral",
        ...(drawn ? { imageId: id } : {}),
      });
    } else if (data.kind === "time_series") {
      charts.push(seriesRow(widget, data, images));
    } else if (data.kind === "bar_breakdown") {
      breakdowns.push(breakdownSection(widget, data));
    }
  }
  return {
    title: content.title,
    ...(content.link ? { link: content.link } : {}),
    sections: [
      { text: content.intro, rows: [] },
      ...(numbers.length ? [{ heading: "Numbers", rows: numbers }] : []),
      ...(charts.length ? [{ heading: "Charts", rows: charts }] : []),
      ...breakdowns,
    ],
    images,
  };
}

function seriesRow(widget: DashboardWidget, data: SeriesWidgetData, images: NotificationImage[]): NotificationRow {
  const id = `chart-${widget.id}`;
  const drawn = data.series.some((s) => present(s.points) >= 2);
  if (drawn) images.push(image(id, `${widget.title}: ${data.series.map((s) => s.name).join(", ")} by ${data.bucket}`, seriesChartSvg(data), CHART_WIDTH, "large"));
  // Charts carry no single number: the row says what is drawn, and the total or mean is on the cards.
  return {
    label: widget.title,
    value: "",
    detail: drawn ? `${data.series.map((s) => s.name).join(", ")} by ${data.bucket}, against the previous period` : "No data in the period",
    ...(drawn ? { imageId: id } : {}),
  };
}

function breakdownSection(widget: DashboardWidget, data: BreakdownWidgetData) {
  const shown = data.groups.slice(0, BREAKDOWN_ROWS);
  const rest = data.groups.length - shown.length;
  return {
    heading: widget.title,
    // A count's records are its value; other KPIs say how many records their value rests on.
    rows: shown.map((g) => ({ label: g.label, value: formatKpiValue(g.value, data.unit), ...(data.unit === "count" ? {} : { detail: `${g.n.toLocaleString("en-US")} records` }) })),
    ...(rest > 0 ? { text: `${rest} more on the dashboard.` } : {}),
  };
}
