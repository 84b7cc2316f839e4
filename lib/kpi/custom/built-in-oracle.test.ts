import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import type { KpiKey } from "../catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiFilters, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { HOUR_MS } from "../rollups/rollup-coverage";
import { presetWindow, timeBuckets, type TimeWindow } from "../time-windows";
import { BUILT_IN_FORMULAS } from "./built-in-formulas";
import { checkFormula } from "./check-formula";
import { computeCustomKpi, type CustomKpiValue } from "./compute-custom-kpi";
import type { TypedNode } from "./formula-tree";

const ZONE = "Europe/Berlin";
const ROWS = Object.entries(BUILT_IN_FORMULAS) as [KpiKey, (typeof BUILT_IN_FORMULAS)[KpiKey]][];

function typed(key: KpiKey): TypedNode {
  const { formula, unit } = BUILT_IN_FORMULAS[key];
  const result = checkFormula(formula, unit ? { declaredUnit: unit } : {});
  if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
  return result.value;
}

/**
 * Where the formula's value may differ from the built-in's, and why:
 * - nps, enps: the built-in subtracts two shares already in points ((p/n)·100 − (d/n)·100), the
 *   formula subtracts the fractions and scales after ((p/n − d/n)·100): the same number up to the
 *   last bits of a double.
 * - longest_wait: with no call waiting the built-in shows 0 s ("nobody is waiting" is a value on a
 *   wall screen); `max` over no records has none, as every other max.
 */
const CLOSE_ONLY = new Set<KpiKey>(["nps", "enps"]);

function expectSame(key: KpiKey, label: string, custom: { value: number | null; n: number }, builtIn: { value: number | null; n: number }) {
  expect(custom.n, `${key} n, ${label}`).toBe(builtIn.n);
  if (key === "longest_wait" && builtIn.n === 0) {
    expect(custom.value, `${key}, ${label}`).toBeNull();
    return;
  }
  if (CLOSE_ONLY.has(key) && custom.value !== null && builtIn.value !== null) expect(custom.value, `${key}, ${label}`).toBeCloseTo(builtIn.value, 9);
  else expect(custom.value, `${key}, ${label}`).toBe(builtIn.value);
}

// Every built-in KPI re-expressed as a formula (built-in-formulas.ts) must give the built-in's
// value, n, median and p90, whole window and per group, with filters, breakdowns, time buckets
// and either clock, whether the built-in reads its rollups or not.
describeEachDatabase("custom formulas give every built-in KPI's numbers", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;
  let teams: string[];
  let agents: string[];
  let queues: string[];

  beforeAll(async () => {
    // A fixed Thursday morning: agents are on shift (agents_available) and the month's first-workday
    // eNPS pulse (1 December) is in the last 7 days. At the real clock both depend on the hour and the date.
    now = new Date("2026-12-03T10:30:00Z");
    await seedDemoIfEmpty(prisma(), { tickets: 700, days: 8, now, timeZone: ZONE, seed: 13 });
    teams = (await prisma().team.findMany({ orderBy: { externalId: "asc" } })).map((t) => t.externalId);
    agents = (await prisma().agent.findMany({ orderBy: { externalId: "asc" } })).map((a) => a.externalId);
    queues = (await prisma().queue.findMany({ orderBy: { externalId: "asc" } })).map((q) => q.externalId);
  }, 120_000);

  const query = (window: TimeWindow, grouping: KpiGrouping = NO_GROUPING, filters: KpiFilters = NO_FILTERS): KpiQuery => ({
    ...window, timeZone: ZONE, now, serviceLevelSeconds: 20, filters, grouping,
  });

  function queries(): [string, KpiQuery][] {
    const week = presetWindow("last_7_days", now, ZONE);
    const ragged = { from: new Date(now.getTime() - 4 * 24 * HOUR_MS + 17 * 60_000), to: new Date(now.getTime() - 20 * HOUR_MS - 3 * 60_000) };
    return [
      ["last 7 days", query(week)],
      ["last 7 days in business hours", { ...query(week), hours: "business" }],
      // Without percentiles, as a dashboard card asks: means too come from the rollups then.
      ["last 7 days in business hours, no percentiles", { ...query(week), hours: "business", percentiles: false }],
      ["the ragged window, no percentiles", { ...query(ragged), percentiles: false }],
      ["one team", query(week, NO_GROUPING, { ...NO_FILTERS, team: [teams[0]!] })],
      ["last 7 days by team", query(week, { by: "team" })],
      ["chat and email by agent", query(week, { by: "agent" }, { ...NO_FILTERS, channel: ["chat", "email"] })],
      ["last 7 days by day", query(week, { by: "time", buckets: timeBuckets(week, "day", ZONE) })],
      ["two agents, the ragged window by hour", query(ragged, { by: "time", buckets: timeBuckets(ragged, "hour", ZONE) }, { ...NO_FILTERS, agent: agents.slice(0, 2) })],
      ["the ragged window by priority, in business hours", { ...query(ragged, { by: "priority" }), hours: "business" }],
      ["today by queue", query(presetWindow("today", now, ZONE), { by: "queue" })],
      ["one queue by day", query(week, { by: "time", buckets: timeBuckets(week, "day", ZONE) }, { ...NO_FILTERS, queue: [queues[0]!] })],
    ];
  }

  const groupsOf = (entry: KpiSnapshotEntry | CustomKpiValue) =>
    entry.groups?.map((g) => ({ key: g.key, value: g.value, n: g.n })).toSorted((a, b) => String(a.key).localeCompare(String(b.key)));

  test.each(ROWS.map(([key]) => key))("%s as a formula is the built-in", async (key) => {
    const tree = typed(key);
    for (const [label, q] of queries()) {
      for (const [read, rollups] of [["rolled up", undefined], ["raw", {}]] as const) {
        const at = `${label}, ${read}`;
        const builtIn = (await getKpiSnapshot(prisma(), [key], { ...q, ...(rollups && { rollups }) })).get(key)!;
        const custom = await computeCustomKpi(prisma(), tree, { ...q, ...(rollups && { rollups }) });
        expectSame(key, at, custom, builtIn);
        expect(custom.median, `${key} median, ${at}`).toBe(builtIn.median);
        expect(custom.p90, `${key} p90, ${at}`).toBe(builtIn.p90);
        const [customGroups, builtInGroups] = [groupsOf(custom), groupsOf(builtIn)];
        expect(customGroups?.map((g) => g.key), `${key} groups, ${at}`).toEqual(builtInGroups?.map((g) => g.key));
        customGroups?.forEach((g, i) => expectSame(key, `${at}, group ${g.key}`, g, builtInGroups![i]!));
      }
    }
  }, 240_000);

  test("the fixtures give every built-in something to compare", async () => {
    const q = query(presetWindow("last_7_days", now, ZONE));
    const snapshot = await getKpiSnapshot(prisma(), ROWS.map(([key]) => key), q);
    // Calls waiting and the longest wait are a moment's state: the fixtures may have none now.
    const empty = [...snapshot].filter(([key, entry]) => entry.n === 0 && key !== "calls_waiting" && key !== "longest_wait").map(([key]) => key);
    expect(empty).toEqual([]);
  }, 120_000);
});
