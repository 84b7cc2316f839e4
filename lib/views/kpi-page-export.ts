import "server-only";

import { z } from "zod";

import { datetime, integer, kpiColumn, text, ZExportQuery, type ExportTable } from "@/lib/exports/export-table";
import { exportResponse } from "@/lib/exports/write-export";

import type { SearchParams, ViewerContext } from "./drill-context";
import { kpiPageView } from "./kpi-page";
import { refusalProblem, type PageView } from "./page-view";

// The KPI page's two tables as files: its trend (each bucket against the same bucket one period
// earlier) and its breakdown by team, read from the page's own view model so that the file holds
// the numbers the page shows for the same URL.

export const KPI_EXPORT_TABLES = ["trend", "teams"] as const;
export const ZKpiExportTable = z.enum(KPI_EXPORT_TABLES);
export type KpiExportTable = z.infer<typeof ZKpiExportTable>;
export const ZKpiExportQuery = ZExportQuery.extend({ table: ZKpiExportTable });

const BUCKET_WORDS = { hour: "Hour", day: "Day", week: "Week starting" } as const;

export async function kpiPageExport(context: ViewerContext, key: string, table: KpiExportTable, searchParams: SearchParams): Promise<PageView<ExportTable>> {
  const page = await kpiPageView(context, key, searchParams);
  if (!page.ok) return page;
  const { kpi, trend, byTeam, timeZone } = page.view;
  if (table === "trend") {
    const buckets = trend?.buckets ?? [];
    return {
      ok: true,
      view: {
        title: `${kpi.name} over time`,
        timeZone,
        columns: [datetime(trend ? BUCKET_WORDS[trend.bucket] : "Bucket"), kpiColumn(kpi.name, kpi.unit), kpiColumn("Same span before", kpi.unit)],
        rows: buckets.map((bucket, i) => [new Date(bucket), trend!.current[i] ?? null, trend!.previous[i] ?? null]),
      },
    };
  }
  return {
    ok: true,
    view: {
      title: `${kpi.name} by team`,
      timeZone,
      columns: [text("Team"), kpiColumn(kpi.name, kpi.unit), integer("Records")],
      rows: (byTeam ?? []).map((team) => [team.label, team.value, team.n]),
    },
  };
}

/** GET /api/v1/kpis/<key>/export?table=trend|teams&format=csv|xlsx&<the page's filters>. */
export async function handleKpiPageExport(context: ViewerContext, key: string, { format, table, ...searchParams }: z.output<typeof ZKpiExportQuery>): Promise<Response> {
  const result = await kpiPageExport(context, key, table, searchParams);
  return result.ok ? exportResponse(result.view, format) : refusalProblem(result);
}
