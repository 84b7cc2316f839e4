import { GRID_COLUMNS, type WidgetConfig } from "./widget-config";

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The size a new widget starts at: what its content needs to be readable on a 1280-px desktop and
 * a 1080p wall without resizing first (a number card is a quarter row, a chart or list half).
 */
export function defaultWidgetSize(kind: WidgetConfig["kind"]): { w: number; h: number } {
  switch (kind) {
    case "kpi_number":
    case "gauge":
      return { w: 3, h: 2 };
    case "text":
    case "live_queue":
      return { w: 4, h: 2 };
    case "leaderboard":
    case "sla_at_risk":
    case "achievements_feed":
    case "competition":
      return { w: 4, h: 4 };
    case "time_series":
    case "bar_breakdown":
      return { w: 6, h: 4 };
  }
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The first free space for a new widget, reading the grid as a page is read (top row first, then
 * left to right), so a widget added to a half-empty row fills the gap instead of starting a new
 * row below everything.
 */
export function firstFreeSpace(existing: Box[], size: { w: number; h: number }, columns = GRID_COLUMNS): { x: number; y: number } {
  const w = Math.min(size.w, columns);
  const bottom = Math.max(0, ...existing.map((b) => b.y + b.h));
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + w <= columns; x++) {
      const candidate = { x, y, w, h: size.h };
      if (!existing.some((b) => overlaps(b, candidate))) return { x, y };
    }
  }
  return { x: 0, y: bottom };
}
