import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";
import { presetWindow } from "@/lib/kpi/time-windows";
import { PAGE_SIZE } from "@/lib/records/list-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { userContext } from "@/lib/testing/view-fixture";

import { kpiPageView } from "./kpi-page";
import { recordsPageView, type RecordsPageView } from "./records-page";
import type { SearchParams } from "./drill-context";

const ZONE = "Europe/Berlin";

describeEachDatabase("the records behind a custom KPI", ({ db }) => {
  const manager = () => userContext(db().prisma, "manager");
  let teams: string[];

  beforeAll(async () => {
    await seedDemoIfEmpty(db().prisma, { tickets: 200, days: 4, now: new Date(), timeZone: ZONE, seed: 31 });
    teams = (await db().prisma.team.findMany({ orderBy: { externalId: "asc" } })).map((t) => t.externalId);
  }, 120_000);

  async function save(name: string, formula: string, unit: "count" | "percent" | "number" = "count") {
    return (await saveCustomKpi(db().prisma, { name, unit, direction: "higher", formula, description: "" })).key;
  }

  type ListOf<K extends RecordsPageView["kind"]> = Extract<RecordsPageView, { kind: K }>;

  async function records<K extends RecordsPageView["kind"]>(kind: K, params: SearchParams): Promise<ListOf<K>> {
    const result = await recordsPageView(manager(), kind, params);
    if (!result.ok) throw new Error(`expected a list, got ${result.outcome}`);
    return result.view as ListOf<K>;
  }

  /** Every page of the list, in its order. */
  async function allPages<K extends RecordsPageView["kind"]>(kind: K, params: SearchParams) {
    const first = await records(kind, params);
    const rest = await Promise.all(
      Array.from({ length: Math.ceil(first.total / PAGE_SIZE) - 1 }, (_, i) => records(kind, { ...params, page: String(i + 2) })),
    );
    return { total: first.total, view: first, rows: [first, ...rest].flatMap((view) => view.rows as ListOf<K>["rows"][number][]) };
  }

  async function n(key: string, params: SearchParams) {
    const result = await kpiPageView(manager(), key, params);
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    return { n: result.view.current.n, value: result.view.current.value, records: result.view.records, noRecords: result.view.noRecords };
  }

  test("a count of urgent tickets solved lists exactly the tickets it counts: n is the number of rows, on every page", async () => {
    const key = await save("Urgent solved (drill)", "count(tickets by solved where priority = urgent)");
    const params = { preset: "last_7_days", kpi: key };
    const page = await n(key, params);
    expect(page.records).toBe("tickets");
    expect(page.noRecords).toBeNull();
    const { total, view, rows } = await allPages("tickets", params);
    const window = presetWindow("last_7_days", new Date(), ZONE);
    const urgent = await db().prisma.ticket.findMany({ where: { priority: "urgent", resolvedAt: { gte: window.from, lt: window.to } } });
    expect(urgent.length).toBeGreaterThan(0);
    expect(total).toBe(page.n);
    expect(total).toBe(page.value);
    expect(rows).toHaveLength(total);
    expect(rows.map((t) => t.externalId).sort()).toEqual(urgent.map((t) => t.externalId).sort());
    // On the set's basis: by resolution, latest first, and said so.
    expect(view).toMatchObject({ kind: "tickets", basis: "resolved", sort: "resolvedAt", kpi: { key, custom: true } });
    const times = rows.map((t) => t.resolvedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  }, 60_000);

  test("the dashboard's filters narrow the list as they narrow the number", async () => {
    const key = await save("Chat or urgent created (drill)", "count(tickets by created where channel = chat or priority = urgent)");
    expect(teams.length).toBeGreaterThan(1);
    for (const team of teams.slice(0, 2)) {
      const params = { preset: "last_7_days", team, kpi: key };
      const { total, rows } = await allPages("tickets", params);
      expect(total).toBe((await n(key, params)).n);
      expect(rows).toHaveLength(total);
      expect(rows.every((t) => t.team?.externalId === team && (t.channel === "chat" || t.priority === "urgent"))).toBe(true);
    }
  }, 60_000);

  test("a share lists the records of its set, its n; calls are filtered by the set's condition", async () => {
    const key = await save("Inbound answered in time (drill)", "share(calls where direction = inbound and answered, within_service_level)", "percent");
    const params = { preset: "last_7_days", kpi: key };
    const page = await n(key, params);
    expect(page.records).toBe("calls");
    const { total, rows } = await allPages("calls", params);
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(page.n);
    expect(rows).toHaveLength(total);
    expect(rows.every((c) => c.direction === "inbound" && c.answeredAt !== null)).toBe(true);
    // The plain calls list (no KPI) has the unanswered and outbound ones too.
    expect((await records("calls", { preset: "last_7_days" })).total).toBeGreaterThan(total);
  }, 60_000);

  test("a formula over several sets, a reference or a set no list shows has no records link, and says why", async () => {
    const several = await save("Urgent per created (drill)", "count(tickets by solved where priority = urgent) / count(tickets by created)", "number");
    const reference = await save("Solved plus one (drill)", "tickets_solved + 1");
    const surveys = await save("Surveys (drill)", "count(surveys)");
    const oneSet = await save("Touches per solved (drill)", "sum(touches of tickets by solved) / count(tickets by solved)", "number");
    const params = { preset: "last_7_days" };
    expect(await n(several, params)).toMatchObject({ records: null, noRecords: expect.stringContaining("several record sets") });
    expect(await n(reference, params)).toMatchObject({ records: null, noRecords: expect.stringContaining("refers to another KPI") });
    expect(await n(surveys, params)).toMatchObject({ records: null, noRecords: "No records list shows surveys yet." });
    expect(await n(oneSet, params)).toMatchObject({ records: "tickets", noRecords: null });
    // Opened on a list its formula's set is not on, the list is the plain one.
    const calls = await records("calls", { ...params, kpi: several });
    expect(calls.kpi).toBeNull();
    expect(calls.total).toBe((await records("calls", params)).total);
  }, 60_000);
});
