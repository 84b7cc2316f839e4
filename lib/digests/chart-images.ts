import path from "node:path";

import { Resvg } from "@resvg/resvg-js";

import { axisScale, formatTick } from "@/lib/charts/axis-ticks";
import { bucketLabel } from "@/lib/charts/bucket-periods";
import { SERIES_COLOURS } from "@/lib/charts/series-colours";
import type { SeriesWidgetData } from "@/lib/dashboards/dashboard-data";
import type { KpiUnit } from "@/lib/kpi/catalog";

// Digest charts as PNG images, drawn as small SVGs from the same numbers the dashboard's widgets
// show and rasterised with resvg (native, no browser). Fonts are loaded from the Inter package by
// path: servers and CI machines may have no system fonts at all, and an SVG's text would vanish.

const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/inter");
const FONT_FILES = [path.join(FONT_DIR, "400Regular/Inter_400Regular.ttf"), path.join(FONT_DIR, "600SemiBold/Inter_600SemiBold.ttf")];
/** Drawn at twice the size they are shown, so they stay sharp on high-density screens. */
const SCALE = 2;
const INK = "#334155";
const MUTED = "#64748b";
const GRID = "#e2e8f0";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG as PNG bytes; `width` is the shown width in CSS pixels. */
export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width * SCALE },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "Inter" },
  });
  return resvg.render().asPng();
}

/** Line paths through the present points; a missing value breaks the line rather than drawing zero. */
function linePath(points: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  points.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${round(x(i))} ${round(y(value))}`;
    pen = true;
  });
  return d;
}

const SPARK = { width: 240, height: 56, pad: 6 };

/** A number card's sparkline: the line over the period, its last point marked, the goal dashed. */
export function sparklineSvg(points: readonly (number | null)[], goal: number | null): string {
  const { width, height, pad } = SPARK;
  const present = points.filter((v): v is number => v !== null && Number.isFinite(v));
  const values = goal === null ? present : [...present, goal];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number) => height - pad - ((v - low) / span) * (height - 2 * pad);
  const last = points.findLastIndex((v) => v !== null && Number.isFinite(v));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    goal === null ? "" : `<line x1="${pad}" x2="${width - pad}" y1="${round(y(goal))}" y2="${round(y(goal))}" stroke="${MUTED}" stroke-width="1" stroke-dasharray="4 3"/>`,
    `<path d="${linePath(points, x, y)}" fill="none" stroke="${SERIES_COLOURS[0]}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`,
    last < 0 ? "" : `<circle cx="${round(x(last))}" cy="${round(y(points[last]!))}" r="3.5" fill="${SERIES_COLOURS[0]}"/>`,
    `</svg>`,
  ].join("");
}

const CHART = { width: 560, height: 220, left: 56, right: 16, top: 34, bottom: 28 };

/**
 * A time-series widget as a chart: each series in its colour, the first one's previous period
 * faint and dashed behind it, the goal as a labelled dashed line, round ticks in the KPI's unit,
 * the legend above the plot; one value axis in the first series' unit.
 */
export function seriesChartSvg(data: SeriesWidgetData): string {
  const { width, height, left, right, top, bottom } = CHART;
  const unit: KpiUnit = data.series[0]?.unit ?? "count";
  const first = data.series[0];
  const goal = first?.goal ?? null;
  const scale = axisScale([...data.series.flatMap((s) => s.points), ...(first?.previous ?? []), ...(goal === null ? [] : [goal])], unit, 5);
  const [low, high] = scale.domain;
  const count = data.buckets.length;
  const x = (i: number) => left + (i * (width - left - right)) / Math.max(1, count - 1);
  const y = (v: number) => top + (1 - (v - low) / (high - low || 1)) * (height - top - bottom);
  const text = (tx: number, ty: number, body: string, anchor = "start", fill = MUTED, weight = 400) =>
    `<text x="${round(tx)}" y="${round(ty)}" font-family="Inter" font-size="11" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escape(body)}</text>`;
  const labelAt = [...new Set([0, Math.floor((count - 1) / 2), count - 1])].filter((i) => i >= 0 && i < count);
  let legendX = left;
  const legend = data.series.map((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    const item = `<rect x="${legendX}" y="10" width="12" height="4" rx="2" fill="${colour}"/>${text(legendX + 17, 16, s.name, "start", INK, 600)}`;
    legendX += 17 + s.name.length * 6.6 + 18;
    return item;
  });
  const previousNote = first && first.previous.some((v) => v !== null) ? text(width - right, 16, "dashed: previous period", "end") : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...legend,
    previousNote,
    ...scale.ticks.map((t) => `<line x1="${left}" x2="${width - right}" y1="${round(y(t))}" y2="${round(y(t))}" stroke="${GRID}" stroke-width="1"/>${text(left - 8, y(t) + 4, formatTick(t, unit), "end")}`),
    ...labelAt.map((i) => text(x(i), height - 8, bucketLabel(data.buckets[i]!, data.bucket), i === 0 ? "start" : i === count - 1 ? "end" : "middle")),
    first ? `<path d="${linePath(first.previous, x, y)}" fill="none" stroke="${SERIES_COLOURS[0]}" stroke-opacity="0.4" stroke-width="1.5" stroke-dasharray="5 4"/>` : "",
    goal === null
      ? ""
      : `<line x1="${left}" x2="${width - right}" y1="${round(y(goal))}" y2="${round(y(goal))}" stroke="${MUTED}" stroke-width="1.2" stroke-dasharray="6 4"/>${text(width - right, y(goal) - 5, `Goal ${formatTick(goal, unit)}`, "end", INK)}`,
    ...data.series.map((s, i) => `<path d="${linePath(s.points, x, y)}" fill="none" stroke="${SERIES_COLOURS[i % SERIES_COLOURS.length]}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`),
    `</svg>`,
  ].join("");
}

export const SPARKLINE_WIDTH = SPARK.width;
export const CHART_WIDTH = CHART.width;
