import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";

import { scopeOf } from "@/lib/auth/scope";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { getDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { SnapshotCache } from "@/lib/dashboards/snapshot-cache";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { handleWidgetExport, widgetTable } from "@/lib/dashboards/widget-export";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { ZExportQuery } from "@/lib/exports/export-table";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";
import { PAGE_SIZE } from "@/lib/records/list-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { ALPHA_LEAD, userContext, VIEW_FIXTURE, WINDOW_PARAMS } from "@/lib/testing/view-fixture";

import type { SearchParams } from "./drill-context";
import { handleKpiPageExport } from "./kpi-page-export";
import { kpiPageView } from "./kpi-page";
import { handleRecordsExport } from "./records-export";
import { recordsPageView, type RecordsPageView } from "./records-page";

const csvCells = async (response: Response) => {
  expect(response.status).toBe(200);
  return Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
};
const numberOrNull = (cell: string | undefined) => (cell === undefined || cell === "" ? null : Number(cell));

describe("ZExportQuery", () => {
  test("names the format when it is missing or unknown, and keeps the page's own parameters", () => {
    const missing = ZExportQuery.safeParse({ preset: "today" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["format"]);
    expect(ZExportQuery.safeParse({ format: "pdf" }).error?.issues[0]?.path).toEqual(["format"]);
    expect(ZExportQuery.parse({ format: "csv", team: ["a", "b"], preset: "today" })).toEqual({ format: "csv", team: ["a", "b"], preset: "today" });
  });
});

describeEachDatabase("the KPI page's exports", ({ db }) => {
  beforeAll(async () => {
    await ingestBatch(db().prisma, VIEW_FIXTURE);
  });
  const manager = () => userContext(db().prisma, "manager");

  test("the trend and by-team files hold the page's numbers for the same URL", async () => {
    const params = { ...WINDOW_PARAMS, bucket: "day" };
    const page = await kpiPageView(manager(), "tickets_solved", params);
    if (!page.ok) throw new Error(page.outcome);
    const trend = await csvCells(await handleKpiPageExport(manager(), "tickets_solved", { format: "csv", table: "trend", ...params }));
    expect(trend).toEqual([
      ["Day", "Tickets solved", "Same span before"],
      ["2026-03-09 00:00:00", "1", "1"],
      ["2026-03-10 00:00:00", "2", "2"],
    ]);
    expect(trend.slice(1).map((row) => numberOrNull(row[1]))).toEqual(page.view.trend!.current);
    const teams = await csvCells(await handleKpiPageExport(manager(), "tickets_solved", { format: "csv", table: "teams", ...params }));
    expect(teams).toEqual([["Team", "Tickets solved", "Records"], ["Alpha", "2", "2"], ["Beta", "1", "1"]]);
    expect(teams.slice(1).map((row) => [row[0], numberOrNull(row[1])])).toEqual(page.view.byTeam!.map((g) => [g.label, g.value]));
  });

  test("a percent KPI's file is 0-100 with its unit in the header; a custom KPI exports as a built-in", async () => {
    const { key } = await saveCustomKpi(db().prisma, { name: "Share solved (export)", unit: "percent", direction: "higher", formula: "share(tickets by created, status = solved)", description: "" });
    const page = await kpiPageView(manager(), key, WINDOW_PARAMS);
    if (!page.ok) throw new Error(page.outcome);
    const teams = await csvCells(await handleKpiPageExport(manager(), key, { format: "csv", table: "teams", ...WINDOW_PARAMS }));
    expect(teams[0]).toEqual(["Team", "Share solved (export) (%)", "Records"]);
    expect(teams.slice(1).map((row) => numberOrNull(row[1]))).toEqual(page.view.byTeam!.map((g) => Number(g.value!.toFixed(4))));
  });

  test("refusals are problems: an unknown KPI 404, another team 403, a bad filter 400 naming it", async () => {
    expect((await handleKpiPageExport(manager(), "no_such_kpi", { format: "csv", table: "trend" })).status).toBe(404);
    const lead = userContext(db().prisma, "team_lead", ALPHA_LEAD);
    expect((await handleKpiPageExport(lead, "tickets_solved", { format: "csv", table: "teams", team: "beta" })).status).toBe(403);
    const invalid = await handleKpiPageExport(manager(), "tickets_solved", { format: "xlsx", table: "trend", preset: "someday" });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/^preset: /) });
  });
});

describeEachDatabase("a records list's export", ({ db }) => {
  const ZONE = "Europe/Berlin";
  beforeAll(async () => {
    await seedDemoIfEmpty(db().prisma, { tickets: 150, days: 3, now: new Date(), timeZone: ZONE, seed: 7 });
  }, 120_000);
  const manager = () => userContext(db().prisma, "manager");

  type ListOf<K extends RecordsPageView["kind"]> = Extract<RecordsPageView, { kind: K }>;
  async function allPages<K extends RecordsPageView["kind"]>(kind: K, params: SearchParams) {
    const pages: ListOf<K>[] = [];
    for (let page = 1; ; page++) {
      const result = await recordsPageView(manager(), kind, { ...params, page: String(page) });
      if (!result.ok) throw new Error(result.outcome);
      pages.push(result.view as ListOf<K>);
      if (page * PAGE_SIZE >= result.view.total) return pages;
    }
  }

  test.each([
    ["tickets", { preset: "last_7_days", sort: "priority", dir: "asc" }],
    ["tickets", { preset: "last_7_days", kpi: "first_response_time" }],
    ["calls", { preset: "last_7_days", sort: "talkSeconds" }],
  ] as const)("%s %j: every record of the list, in its order, not only the page on screen", async (kind, params) => {
    const pages = await allPages(kind, params);
    const ids = pages.flatMap((page) => page.rows.map((row) => row.externalId));
    expect(ids.length).toBe(pages[0]!.total);
    expect(ids.length).toBeGreaterThan(PAGE_SIZE);
    const cells = await csvCells(await handleRecordsExport(manager(), kind, { format: "csv", ...params }));
    expect(cells.slice(1).map((row) => row[0])).toEqual(ids);
    expect(cells[0]![0]).toBe(kind === "tickets" ? "Ticket" : "Call");
  });

  test("a custom KPI's list exports the records its formula counts", async () => {
    const { key } = await saveCustomKpi(db().prisma, { name: "Urgent solved (export)", unit: "count", direction: "higher", formula: "count(tickets by solved where priority = urgent)", description: "" });
    const params = { preset: "last_7_days", kpi: key };
    const ids = (await allPages("tickets", params)).flatMap((page) => page.rows.map((row) => row.externalId));
    const cells = await csvCells(await handleRecordsExport(manager(), "tickets", { format: "csv", ...params }));
    expect(cells.slice(1).map((row) => row[0])).toEqual(ids);
    expect(new Set(cells.slice(1).map((row) => row[3]))).toEqual(new Set(ids.length ? ["Urgent"] : []));
  });
});

describeEachDatabase("a widget's export", ({ db }) => {
  beforeAll(async () => {
    await ingestBatch(db().prisma, VIEW_FIXTURE);
    await ensureDefaultDashboard(db().prisma);
  });

  test("each widget's file holds the snapshot the dashboard shows; a text widget or an unknown one is 404", async () => {
    const prisma = db().prisma;
    const dashboard = (await getDashboard(prisma, "service-overview"))!;
    const scope = scopeOf(userContext(prisma, "manager").principal);
    const snapshot = await loadDashboardSnapshot(prisma, dashboard, NO_DASHBOARD_FILTERS, scope, new SnapshotCache());
    if (!snapshot.ok) throw new Error(snapshot.message);
    let exported = 0;
    for (const widget of dashboard.widgets) {
      const data = snapshot.snapshot.data.widgets[String(widget.id)];
      const table = data && widgetTable(data);
      const response = await handleWidgetExport(prisma, "service-overview", widget.id, NO_DASHBOARD_FILTERS, scope, "csv");
      if (!table) {
        expect(response.status).toBe(404);
        continue;
      }
      const cells = await csvCells(response);
      expect(cells[0]).toEqual(table.columns.map((c) => c.header));
      expect(cells.length - 1).toBe([...(table.rows as Iterable<unknown>)].length);
      if (data.kind === "kpi_number") expect(numberOrNull(cells[1]![1])).toBe(data.current.value === null ? null : Number(data.current.value.toFixed(4)));
      exported++;
    }
    expect(exported).toBeGreaterThan(3);
    expect((await handleWidgetExport(prisma, "service-overview", 999_999, NO_DASHBOARD_FILTERS, scope, "csv")).status).toBe(404);
    expect((await handleWidgetExport(prisma, "no-such-dashboard", dashboard.widgets[0]!.id, NO_DASHBOARD_FILTERS, scope, "csv")).status).toBe(404);
  });
});
