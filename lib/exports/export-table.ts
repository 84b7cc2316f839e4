import { z } from "zod";

import type { KpiUnit } from "@/lib/kpi/catalog";

// What every export is before it becomes a file: named columns that say what their cells hold,
// and rows. The same table is written as CSV or as XLSX (write-export.ts), so the two formats
// can never disagree about a value.

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ZExportFormat = z.enum(EXPORT_FORMATS);

/**
 * An export's query: the format, and the page's own parameters (filters, sort, KPI) passed on as
 * the page reads them, so that the file is the page's table for the same URL.
 */
export const ZExportQuery = z.object({ format: ZExportFormat }).catchall(z.union([z.string(), z.array(z.string())]));

/**
 * What a column's cells are. `percent` cells are 0-100 as the screen shows them, `seconds` are
 * durations in seconds and `datetime` cells are instants shown at the organisation's wall clock.
 */
export type ColumnType = "text" | "integer" | "number" | "percent" | "seconds" | "datetime";

export interface ExportColumn {
  header: string;
  type: ColumnType;
}

export type ExportCell = string | number | Date | null;
export type ExportRow = ExportCell[];

export interface ExportTable {
  /** Names the file and the XLSX sheet. */
  title: string;
  /** The zone `datetime` cells are written in. */
  timeZone: string;
  columns: ExportColumn[];
  /** Rows in order; an async iterable is written as it arrives (long record lists). */
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>;
}

/** A KPI's values in a column: its unit says how they are written. */
export function kpiColumn(header: string, unit: KpiUnit): ExportColumn {
  const type: Record<KpiUnit, ColumnType> = { count: "number", seconds: "seconds", percent: "percent", score: "number", ratio: "number" };
  const suffix: Record<KpiUnit, string> = { count: "", seconds: " (seconds)", percent: " (%)", score: "", ratio: "" };
  return { header: `${header}${suffix[unit]}`, type: type[unit] };
}

export const text = (header: string): ExportColumn => ({ header, type: "text" });
export const integer = (header: string): ExportColumn => ({ header, type: "integer" });
export const datetime = (header: string): ExportColumn => ({ header, type: "datetime" });
