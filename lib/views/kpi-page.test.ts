import { beforeAll, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiFilters } from "@/lib/kpi/kpi-query";
import { timeBuckets } from "@/lib/kpi/time-windows";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { ALPHA_LEAD, PREVIOUS_WINDOW, userContext, VIEW_FIXTURE, WINDOW, WINDOW_PARAMS } from "@/lib/testing/view-fixture";

import { kpiPageView } from "./kpi-page";

describeEachDatabase("the KPI page view", ({ db }) => {
  beforeAll(async () => {
    await ingestBatch(db().prisma, VIEW_FIXTURE);
  });

  const direct = (filters: KpiFilters, window: { from: Date; to: Date }) =>
    getKpiSnapshot(db().prisma, ["tickets_solved"], { ...window, timeZone: "UTC", filters, now: new Date(), serviceLevelSeconds: 20, grouping: NO_GROUPING });

  test("a manager's numbers are getKpiSnapshot's for the window, its previous period and each team", async () => {
    const result = await kpiPageView(userContext(db().prisma, "manager"), "tickets_solved", { ...WINDOW_PARAMS, bucket: "day" });
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    const { view } = result;
    const [current, previous] = await Promise.all([direct(NO_FILTERS, WINDOW), direct(NO_FILTERS, PREVIOUS_WINDOW)]);
    expect(view.current).toMatchObject({ value: current.get("tickets_solved")!.value, n: current.get("tickets_solved")!.n });
    expect(view.current.value).toBe(3);
    expect(view.previous).toMatchObject({ value: previous.get("tickets_solved")!.value });
    expect(view.previous.value).toBe(3);
    expect(view.trend).toEqual({
      bucket: "day",
      buckets: timeBuckets(WINDOW, "day", "UTC").map((b) => b.key),
      current: [1, 2],
      // The previous period's days, aligned one to one: 7 March with 9 March.
      previous: [1, 2],
      computedAt: expect.any(Number),
      goal: null,
    });
    expect(view.byTeam?.map((g) => [g.key, g.value])).toEqual([["alpha", 2], ["beta", 1]]);
    expect(view.records).toBe("tickets");
    expect(view.filterOptions.teams?.map((t) => t.value)).toEqual(["alpha", "beta"]);
  });

  test("a custom KPI has its page as a built-in has: the same numbers as its formula's built-in, its formula as the definition, the records list of its one set", async () => {
    const { key } = await saveCustomKpi(db().prisma, { name: "Solved, again", unit: "count", direction: "higher", formula: "count(tickets by solved)", description: "Tickets solved, as a formula." });
    const result = await kpiPageView(userContext(db().prisma, "manager"), key, { ...WINDOW_PARAMS, bucket: "day" });
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    const { view } = result;
    expect(view.kpi).toMatchObject({ name: "Solved, again", plain: "Tickets solved, as a formula.", definition: "count(tickets by solved)", unit: "count" });
    expect(view.current).toMatchObject({ value: 3 });
    expect(view.trend?.current).toEqual([1, 2]);
    expect(view.byTeam?.map((g) => [g.key, g.value])).toEqual([["alpha", 2], ["beta", 1]]);
    expect(view).toMatchObject({ records: "tickets", noRecords: null });
    expect(await kpiPageView(userContext(db().prisma, "manager"), "custom_never_saved", WINDOW_PARAMS)).toMatchObject({ ok: false });
  });

  test("records without a team have no breakdown by team: one \"No team\" row compares nothing", async () => {
    await ingestBatch(db().prisma, { kbViews: [{ article: "k1", visitor: "v1", viewedAt: "2026-03-09T08:00:00Z" }, { article: "k2", visitor: "v1", viewedAt: "2026-03-10T08:00:00Z" }] });
    const result = await kpiPageView(userContext(db().prisma, "manager"), "kb_views_per_visitor", WINDOW_PARAMS);
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    expect(result.view.current).toMatchObject({ value: 2, n: 2 });
    expect(result.view.byTeam).toBeNull();
  });

  test("the trend carries the goal in force: the team's when one team is in view, else the organisation's", async () => {
    const prisma = db().prisma;
    const alpha = await prisma.team.findUniqueOrThrow({ where: { externalId: "alpha" } });
    await prisma.target.createMany({
      data: [
        { kpiKey: "tickets_solved", value: 5, warning: 3, critical: 1 },
        { kpiKey: "tickets_solved", teamId: alpha.id, value: 8, warning: 6, critical: 4 },
      ],
    });
    try {
      const goalOf = async (params: Record<string, string>) => {
        const result = await kpiPageView(userContext(prisma, "manager"), "tickets_solved", { ...WINDOW_PARAMS, ...params });
        if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
        return result.view.trend?.goal;
      };
      expect(await goalOf({})).toBe(5);
      expect(await goalOf({ team: "alpha" })).toBe(8);
    } finally {
      await prisma.target.deleteMany({ where: { kpiKey: "tickets_solved" } });
    }
  });

  test("a team lead's numbers are their team's, and their filter bar offers only it", async () => {
    const result = await kpiPageView(userContext(db().prisma, "team_lead", ALPHA_LEAD), "tickets_solved", WINDOW_PARAMS);
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    const alpha = await direct({ ...NO_FILTERS, team: ["alpha"] }, WINDOW);
    expect(result.view.current.value).toBe(alpha.get("tickets_solved")!.value);
    expect(result.view.current.value).toBe(2);
    expect(result.view.byTeam?.map((g) => g.key)).toEqual(["alpha"]);
    expect(result.view.filterOptions.teams?.map((t) => t.value)).toEqual(["alpha"]);
  });

  test("an agent sees their own numbers and no comparison by team", async () => {
    const agent = userContext(db().prisma, "agent", { agent: { id: 1, externalId: "b1", name: "Bo", team: "beta" } });
    const result = await kpiPageView(agent, "tickets_solved", WINDOW_PARAMS);
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    expect(result.view.current.value).toBe(1);
    expect(result.view.byTeam).toBeNull();
    expect(result.view.filterOptions.teams).toBeNull();
  });

  test("another team is forbidden, an unknown KPI is not found, a bad filter names its parameter", async () => {
    const lead = userContext(db().prisma, "team_lead", ALPHA_LEAD);
    expect(await kpiPageView(lead, "tickets_solved", { ...WINDOW_PARAMS, team: "beta" })).toEqual({ ok: false, outcome: "forbidden" });
    expect(await kpiPageView(lead, "tickets_solved", { ...WINDOW_PARAMS, team: "nope" })).toEqual({ ok: false, outcome: "forbidden" });
    expect(await kpiPageView(lead, "no_such_kpi", WINDOW_PARAMS)).toEqual({ ok: false, outcome: "not-found" });
    expect(await kpiPageView(lead, "tickets_solved", { preset: "someday" })).toMatchObject({ ok: false, outcome: "invalid-filters", parameter: "preset" });
  });

  test("a live KPI has no trend to draw", async () => {
    const result = await kpiPageView(userContext(db().prisma, "manager"), "calls_waiting", WINDOW_PARAMS);
    expect(result).toMatchObject({ ok: true, view: { trend: null, records: null } });
  });
});
