import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getKpiSnapshot } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { HOUR_MS } from "../rollups/rollup-coverage";
import { presetWindow, timeBuckets } from "../time-windows";
import { checkFormula, MAX_REFERENCE_DEPTH } from "./check-formula";
import { computeCustomKpi, FormulaNotCompiledError } from "./compute-custom-kpi";
import type { TypedNode } from "./formula-tree";
import { saveCustomKpi } from "./save-custom-kpi";

const ZONE = "Europe/Berlin";

function typed(text: string): TypedNode {
  const result = checkFormula(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describeEachDatabase("custom KPIs computed from aggregates and built-in KPIs", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 700, days: 6, now, timeZone: ZONE, seed: 5 });
  }, 120_000);

  const query = (grouping: KpiGrouping = NO_GROUPING, window = presetWindow("last_7_days", now, ZONE)): KpiQuery => ({
    ...window, timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping,
  });
  const groupings = (): [string, KpiGrouping][] => [
    ["ungrouped", NO_GROUPING],
    ["by day", { by: "time", buckets: timeBuckets(presetWindow("last_7_days", now, ZONE), "day", ZONE) }],
    ["by team", { by: "team" }],
  ];

  test("a ratio of aggregates and the same ratio of built-in KPIs are the built-ins' ratio, total and per group", async () => {
    for (const [label, grouping] of groupings()) {
      const q = query(grouping);
      const builtIn = await getKpiSnapshot(prisma(), ["tickets_solved", "ticket_volume"], q);
      const solved = builtIn.get("tickets_solved")!;
      const volume = builtIn.get("ticket_volume")!;
      const ratio = (a: number | null, b: number | null) => (a !== null && b ? a / b : null);
      for (const formula of ["count(tickets by solved) / count(tickets by created)", "tickets_solved / ticket_volume"]) {
        const custom = await computeCustomKpi(prisma(), typed(formula), q);
        expect(custom, `${formula} ${label}`).toMatchObject({ unit: "number", value: ratio(solved.value, volume.value), n: Math.max(solved.n, volume.n) });
        if (grouping.by === "none") continue;
        const keys = [...new Set([...(solved.groups ?? []), ...(volume.groups ?? [])].map((g) => g.key))];
        const expected = keys.map((key) => {
          const s = solved.groups?.find((g) => g.key === key);
          const v = volume.groups?.find((g) => g.key === key);
          return { key, value: ratio(s?.value ?? 0, v?.value ?? 0), n: Math.max(s?.n ?? 0, v?.n ?? 0) };
        }).filter((g) => grouping.by === "time" || g.n > 0);
        const order = (groups: { key: string | null }[]) => groups.toSorted((a, b) => String(a.key).localeCompare(String(b.key)));
        expect(order(custom.groups!), `${formula} ${label}`).toEqual(order(expected));
      }
    }
  }, 120_000);

  test("a share is shown in points, as the catalog's percents are, and built-in percents scale into the tree", async () => {
    const q = query();
    const chat = (await getKpiSnapshot(prisma(), ["ticket_volume"], { ...q, filters: { ...NO_FILTERS, channel: ["chat"] } })).get("ticket_volume")!;
    const all = (await getKpiSnapshot(prisma(), ["ticket_volume", "fcr_rate"], q));
    const volume = all.get("ticket_volume")!;
    expect(await computeCustomKpi(prisma(), typed("share(tickets by created, channel = chat)"), q)).toEqual({
      unit: "percent", value: (chat.value! / volume.value!) * 100, n: volume.n, numerator: chat.value, denominator: volume.value,
    });
    const fcr = all.get("fcr_rate")!;
    const half = await computeCustomKpi(prisma(), typed("fcr_rate * 50%"), q);
    expect(half.unit).toBe("percent");
    expect(half.value).toBeCloseTo(fcr.value! / 2, 10);
    // A count scaled by a share is a count: the fraction, not the points, multiplies it.
    expect((await computeCustomKpi(prisma(), typed("ticket_volume * share(tickets by created, channel = chat)"), q)).value).toBeCloseTo(chat.value!, 10);
  }, 120_000);

  test("over no tickets a ratio has no value, and a count is 0", async () => {
    const future = query(NO_GROUPING, { from: new Date(now.getTime() + 48 * HOUR_MS), to: new Date(now.getTime() + 72 * HOUR_MS) });
    expect(await computeCustomKpi(prisma(), typed("count(tickets by solved) / count(tickets by created)"), future))
      .toEqual({ unit: "number", value: null, n: 0, numerator: 0, denominator: 0 });
    expect(await computeCustomKpi(prisma(), typed("count(tickets by solved) + 1"), future)).toEqual({ unit: "count", value: 1, n: 0 });
  }, 120_000);

  test("a reference to a custom KPI computes its version in force: the latest, or the one of `at`", async () => {
    const q = query();
    const t0 = new Date(now.getTime() - 10 * 24 * HOUR_MS);
    const t1 = new Date(now.getTime() - 5 * 24 * HOUR_MS);
    const definition = (formula: string, unit: "count" | "number" = "count") => ({ name: "Solved urgent", unit, direction: "higher" as const, formula });
    const { key } = await saveCustomKpi(prisma(), definition("count(tickets by solved where priority = urgent)"), { now: t0 });
    await saveCustomKpi(prisma(), definition("count(tickets by solved where priority in (urgent, high))"), { key, now: t1 });
    const { key: outer } = await saveCustomKpi(prisma(), definition(`${key} * 2`), { now: t0 });
    const lookup = (k: string) => (k === key || k === outer ? { unit: "count" as const, live: false, references: k === outer ? [key] : [] } : undefined);
    const tree = (text: string) => {
      const result = checkFormula(text, { customKpi: lookup });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const byPriority = (await getKpiSnapshot(prisma(), ["tickets_solved"], { ...q, grouping: { by: "priority" } })).get("tickets_solved")!.groups!;
    const solved = (priority: string) => byPriority.find((g) => g.key === priority)?.value ?? 0;

    expect((await computeCustomKpi(prisma(), tree(`${key} + 1`), q)).value).toBe(solved("urgent") + solved("high") + 1);
    expect((await computeCustomKpi(prisma(), tree(`${key} + 1`), q, { at: new Date(t1.getTime() - 1) })).value).toBe(solved("urgent") + 1);
    // Two levels down, each at the same instant.
    expect((await computeCustomKpi(prisma(), tree(`${outer} - ${key}`), q, { at: t0 })).value).toBe(solved("urgent"));
    expect((await computeCustomKpi(prisma(), tree(`${outer} - ${key}`), q)).value).toBe(solved("urgent") + solved("high"));
    // Per group too, keyed as the snapshot keys them: 2·(urgent + high) − (urgent + high) per day.
    const byDay = query(groupings()[1]![1]);
    const direct = await computeCustomKpi(prisma(), typed("count(tickets by solved where priority in (urgent, high))"), byDay);
    const nested = await computeCustomKpi(prisma(), tree(`${outer} - count(tickets by solved where priority in (urgent, high))`), byDay);
    expect(nested.groups!.map((g) => [g.key, g.value])).toEqual(direct.groups!.map((g) => [g.key, g.value]));
    expect(direct.groups!.some((g) => g.value! > 0)).toBe(true);
  }, 120_000);

  test("a reference to an unknown custom KPI, or one nested too deep, is refused before any SQL", async () => {
    const result = checkFormula("custom_gone + 1", { customKpi: () => ({ unit: "count", live: false, references: [] }) });
    if (!result.ok) throw new Error(result.error.message);
    await expect(computeCustomKpi(prisma(), result.value, query())).rejects.toThrow(FormulaNotCompiledError);
    await expect(computeCustomKpi(prisma(), typed("count(tickets by solved)"), query(), { depth: MAX_REFERENCE_DEPTH + 1 })).rejects.toThrow("deeper");
  });
});
