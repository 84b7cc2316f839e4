import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { SnapshotCache } from "@/lib/dashboards/snapshot-cache";

import { previewCustomKpi } from "./custom/preview-custom-kpi";
import { saveCustomKpi } from "./custom/save-custom-kpi";
import { getKpiSnapshot } from "./get-kpi-snapshot";
import { loadKpiDirectory, type CustomKpiKey } from "./kpi-directory";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "./kpi-query";
import { presetWindow, timeBuckets } from "./time-windows";

const ZONE = "Europe/Berlin";

describeEachDatabase("the KPI directory and custom keys in the snapshot", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 500, days: 6, now, timeZone: ZONE, seed: 9 });
  }, 120_000);

  const query = (grouping: KpiGrouping = NO_GROUPING): KpiQuery => ({
    ...presetWindow("last_7_days", now, ZONE), timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping,
  });

  test("a saved custom KPI is in the directory as a definition-shaped fact, and a new version replaces it without a restart", async () => {
    const before = await loadKpiDirectory(prisma());
    expect(before.has("ticket_volume")).toBe(true);
    expect(before.has("custom_solved_per_created_dir")).toBe(false);

    const { key } = await saveCustomKpi(prisma(), { name: "Solved per created dir", unit: "number", direction: "higher", formula: "tickets_solved / ticket_volume", description: "How many tickets are solved for each one opened." });
    const directory = await loadKpiDirectory(prisma());
    expect(directory.has(key)).toBe(true);
    expect(directory.get(key as CustomKpiKey)).toMatchObject({ key, custom: true, name: "Solved per created dir", unit: "ratio", direction: "higher", plain: "How many tickets are solved for each one opened.", definition: "tickets_solved / ticket_volume", version: 1 });
    expect(directory.list().map((fact) => fact.key)).toContain(key);

    await saveCustomKpi(prisma(), { name: "Solved per created dir", unit: "number", direction: "lower", formula: "tickets_solved / ticket_volume" }, { key });
    expect((await loadKpiDirectory(prisma())).get(key as CustomKpiKey)).toMatchObject({ version: 2, direction: "lower" });
    // Unchanged since: the same object from the cache.
    expect(await loadKpiDirectory(prisma())).toBe(await loadKpiDirectory(prisma()));
  });

  test("getKpiSnapshot answers built-in and custom keys in one call, in the same shape, groups and labels included", async () => {
    const { key } = await saveCustomKpi(prisma(), { name: "Chat share dir", unit: "percent", direction: "neutral", formula: "share(tickets by created, channel = chat)" });
    const custom = key as CustomKpiKey;
    for (const grouping of [NO_GROUPING, { by: "team" } as const, { by: "time", buckets: timeBuckets(presetWindow("last_7_days", now, ZONE), "day", ZONE) } as const]) {
      const q = query(grouping);
      const snapshot = await getKpiSnapshot(prisma(), ["ticket_volume", custom], q);
      expect([...snapshot.keys()]).toEqual(["ticket_volume", custom]);
      const entry = snapshot.get(custom)!;
      const volume = snapshot.get("ticket_volume")!;
      expect(entry).toMatchObject({ key: custom, unit: "percent", n: volume.n, denominator: volume.n });
      expect(entry.value).toBeCloseTo((100 * entry.numerator!) / volume.n, 9);
      expect(entry.marginOfError).toBeGreaterThan(0);
      if (grouping.by === "none") continue;
      expect(entry.groups!.map((g) => g.key)).toEqual(grouping.by === "time" ? grouping.buckets.map((b) => b.key) : volume.groups!.map((g) => g.key));
      expect(entry.groups!.map((g) => g.label)).toEqual(volume.groups!.map((g) => g.label));
    }
  });

  test("the preview computes a formula not saved yet for today and the last 30 days, or names where it is wrong", async () => {
    const preview = await previewCustomKpi(prisma(), { formula: "count(tickets by created where channel = chat)", unit: "count" }, now);
    expect(preview).toMatchObject({ ok: true, today: { n: expect.any(Number) }, last30Days: { n: expect.any(Number) } });
    if (!preview.ok) return;
    expect(preview.last30Days.value).toBeGreaterThanOrEqual(preview.today.value!);
    expect(await previewCustomKpi(prisma(), { formula: "count(tickets by created where prority = urgent)", unit: "count" }, now)).toMatchObject({
      ok: false, error: { line: 1, column: 32, span: { start: 31 } },
    });
    // Any aggregate computes, and gives the built-in's number: handle time as a formula is AHT.
    const formula = await previewCustomKpi(prisma(), { formula: "mean(handle of calls where answered)", unit: "duration" }, now);
    const builtIn = await previewCustomKpi(prisma(), { formula: "aht", unit: "duration" }, now);
    expect(formula.ok && builtIn.ok).toBe(true);
    if (!formula.ok || !builtIn.ok) return;
    expect(formula.last30Days.value).not.toBeNull();
    expect([formula.today.value, formula.last30Days.value]).toEqual([builtIn.today.value, builtIn.last30Days.value]);
  });

  test("the demo's own dashboard of custom KPIs computes every widget", async () => {
    const dashboard = (await getDashboard(prisma(), "my-kpis"))!;
    const result = await loadDashboardSnapshot(prisma(), dashboard, { preset: "last_7_days", range: null, team: [], channel: [], queue: [] }, { kind: "all" }, new SnapshotCache());
    if (!result.ok) throw new Error("expected a snapshot");
    const widgets = Object.values(result.snapshot.data.widgets);
    expect(widgets.map((w) => w.kind)).toEqual(["kpi_number", "kpi_number", "kpi_number", "time_series", "bar_breakdown", "leaderboard"]);
    for (const widget of widgets) if (widget.kind === "kpi_number") expect(widget.current.value).not.toBeNull();
  });
});
