import { beforeAll, expect, test, vi } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";
import { saveTarget } from "@/lib/targets/manage-targets";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import type { DashboardFilters } from "./dashboard-filters";
import { ensureDefaultDashboard, SERVICE_OVERVIEW } from "./default-dashboard";
import { getDashboard, loadDashboardSnapshot, type Dashboard, type Snapshot } from "./load-dashboard";
import { createDashboard, saveWidget, UnknownWidgetKpiError } from "./manage-dashboards";
import { SnapshotCache } from "./snapshot-cache";

// A week, not today: records minutes old must not fall on the other side of midnight.
const WEEK: DashboardFilters = { preset: "last_7_days", range: null, team: [], channel: [], queue: [] };

describeEachDatabase("dashboard snapshots", ({ db }) => {
  let dashboard: Dashboard;
  beforeAll(async () => {
    const { prisma } = db();
    await ensureDefaultDashboard(prisma);
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    await ingestBatch(prisma, {
      teams: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }],
      agents: [{ externalId: "a1", name: "Ann", team: "alpha" }, { externalId: "b1", name: "Bo", team: "beta" }],
      tickets: [
        { externalId: "T1", channel: "email", status: "solved", team: "alpha", assignee: "a1", createdAt: at(30), firstResponseAt: at(20), resolvedAt: at(10) },
        { externalId: "T2", channel: "chat", status: "open", team: "beta", assignee: "b1", createdAt: at(5) },
      ],
    });
    dashboard = (await getDashboard(prisma, "service-overview"))!;
  });

  test("the default dashboard is the Service overview, with every widget computed", async () => {
    expect(dashboard.widgets).toHaveLength(SERVICE_OVERVIEW.length);
    const result = await loadDashboardSnapshot(db().prisma, dashboard, WEEK, { kind: "all" }, new SnapshotCache());
    if (!result.ok) throw new Error("expected a snapshot");
    const widgets = Object.values(result.snapshot.data.widgets);
    expect(widgets).toHaveLength(SERVICE_OVERVIEW.length);
    const volume = widgets.find((w) => w.kind === "kpi_number" && w.kpi === "ticket_volume");
    expect(volume).toMatchObject({ current: { value: 2, n: 2 } });
    const byTeam = widgets.find((w) => w.kind === "bar_breakdown" && w.kpi === "ticket_volume");
    expect(byTeam).toMatchObject({ groups: [{ key: "alpha", value: 1 }, { key: "beta", value: 1 }] });
  });

  test("a custom KPI's widgets show it as a built-in's: value, name, target standing, breakdown", async () => {
    const { prisma } = db();
    const { key } = await saveCustomKpi(prisma, { name: "Chat share", unit: "percent", direction: "higher", formula: "share(tickets by created, channel = chat)" });
    const { slug } = await createDashboard({ prisma }, { name: "My KPIs" });
    const mine = (await getDashboard(prisma, slug))!;
    await saveWidget({ prisma }, mine.id, null, { title: "Chat share", config: { kind: "kpi_number", kpi: key } });
    await saveWidget({ prisma }, mine.id, null, { title: "Chat share by team", config: { kind: "bar_breakdown", kpi: key, by: "team" } });
    await expect(saveWidget({ prisma }, mine.id, null, { title: "Nope", config: { kind: "kpi_number", kpi: "custom_never_saved" } })).rejects.toThrow(UnknownWidgetKpiError);
    await saveTarget({ prisma }, { kpiKey: key, value: "40", warning: "30", critical: "20" });

    const result = await loadDashboardSnapshot(prisma, (await getDashboard(prisma, slug))!, WEEK, { kind: "all" }, new SnapshotCache());
    if (!result.ok) throw new Error("expected a snapshot");
    const widgets = Object.values(result.snapshot.data.widgets);
    expect(widgets.find((w) => w.kind === "kpi_number")).toMatchObject({
      kpi: key, fact: { name: "Chat share", unit: "percent", direction: "higher" }, current: { value: 50, n: 2 }, target: { value: 40 },
      // A share, as a built-in rate, is judged only over the minimum sample.
      standing: { tooFew: 2 },
    });
    expect(widgets.find((w) => w.kind === "bar_breakdown")).toMatchObject({ kpi: key, unit: "percent", groups: [{ key: "beta", value: 100 }, { key: "alpha", value: 0 }] });
  });

  test("N concurrent viewers cause the queries of one viewer, once per interval", async () => {
    const { prisma } = db();
    const spy = vi.spyOn(prisma, "$queryRaw");
    await loadDashboardSnapshot(prisma, dashboard, WEEK, { kind: "all" }, new SnapshotCache());
    const oneViewer = spy.mock.calls.length;
    expect(oneViewer).toBeGreaterThan(0);
    spy.mockClear();

    const shared = new SnapshotCache<Snapshot>();
    const results = await Promise.all(Array.from({ length: 25 }, () => loadDashboardSnapshot(prisma, dashboard, WEEK, { kind: "all" }, shared)));
    expect(spy.mock.calls.length).toBe(oneViewer);
    expect(shared.computations).toBe(1);
    expect(new Set(results.map((r) => (r.ok ? r.snapshot.etag : null))).size).toBe(1);
    spy.mockRestore();
  });

  test("a team lead's snapshot is their team's numbers, computed apart from everyone else's", async () => {
    const cache = new SnapshotCache<Snapshot>();
    const all = await loadDashboardSnapshot(db().prisma, dashboard, WEEK, { kind: "all" }, cache);
    const lead = await loadDashboardSnapshot(db().prisma, dashboard, WEEK, { kind: "teams", teams: ["alpha"] }, cache);
    expect(cache.computations).toBe(2);
    if (!all.ok || !lead.ok) throw new Error("expected snapshots");
    const volume = (s: Snapshot) => Object.values(s.data.widgets).find((w) => w.kind === "kpi_number" && w.kpi === "ticket_volume");
    expect(volume(all.snapshot)).toMatchObject({ current: { value: 2 } });
    expect(volume(lead.snapshot)).toMatchObject({ current: { value: 1 } });
    expect(await loadDashboardSnapshot(db().prisma, dashboard, { ...WEEK, team: ["beta"] }, { kind: "teams", teams: ["alpha"] }, cache)).toMatchObject({ ok: false, parameter: "team" });
  });

  test("the ETag stays while the numbers do and changes when they change", async () => {
    const { prisma } = db();
    const etag = async () => {
      const r = await loadDashboardSnapshot(prisma, dashboard, WEEK, { kind: "all" }, new SnapshotCache());
      return r.ok ? r.snapshot.etag : "";
    };
    const first = await etag();
    expect(await etag()).toBe(first);
    await ingestBatch(prisma, { tickets: [{ externalId: "T3", channel: "web", status: "new", createdAt: new Date(Date.now() - 60_000).toISOString() }] });
    expect(await etag()).not.toBe(first);
  });
});
