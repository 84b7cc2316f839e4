import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { WINDOW_UNITS, wellTypedFormula } from "@/lib/testing/formula-arbitraries";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getKpiSnapshot } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { HOUR_MS } from "../rollups/rollup-coverage";
import { presetWindow, timeBuckets } from "../time-windows";
import { checkFormula } from "./check-formula";
import { computeCustomKpi } from "./compute-custom-kpi";
import type { TypedNode } from "./formula-tree";

const ZONE = "Europe/Berlin";

function typed(text: string): TypedNode {
  const result = checkFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.value;
}

describeEachDatabase("custom aggregates over the raw rows of every record set", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;
  let teams: string[];

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 300, days: 4, now, timeZone: ZONE, seed: 29 });
    teams = (await prisma().team.findMany({ orderBy: { externalId: "asc" } })).map((t) => t.externalId);
  }, 120_000);

  const query = (grouping: KpiGrouping = NO_GROUPING, window = presetWindow("last_7_days", now, ZONE)): KpiQuery => ({
    ...window, timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping,
  });
  const value = async (formula: string, q = query()) => (await computeCustomKpi(prisma(), typed(formula), q)).value;

  test("conditions on reopens, touches, resolved and status count the tickets they say", async () => {
    const q = query();
    const tickets = await prisma().ticket.findMany({ where: { createdAt: { gte: q.from, lt: q.to } }, include: { messages: true } });
    const touches = (t: (typeof tickets)[number]) => t.messages.filter((m) => m.author === "agent" && m.public).length;
    expect(await value("count(tickets by created where reopens > 0)")).toBe(tickets.filter((t) => t.reopens > 0).length);
    expect(await value("count(tickets by created where touches >= 2 and not resolved)"))
      .toBe(tickets.filter((t) => touches(t) >= 2 && !(t.resolvedAt && t.resolvedAt <= now)).length);
    expect(await value("count(tickets by created where status in (open, pending))")).toBe(tickets.filter((t) => t.status === "open" || t.status === "pending").length);
    expect(await value("sum(touches of tickets by created)")).toBe(tickets.reduce((s, t) => s + touches(t), 0));
    expect(await value("max(reopens of tickets by created)")).toBe(Math.max(...tickets.map((t) => t.reopens)));
    expect(await value("distinct(team of tickets by created)")).toBe(new Set(tickets.map((t) => t.teamId).filter((id) => id !== null)).size);
  }, 120_000);

  test("a calendar duration threshold counts the tickets within it; percentiles are exact", async () => {
    const q = query();
    const solved = await prisma().ticket.findMany({ where: { resolvedAt: { gte: q.from, lt: q.to } } });
    const seconds = solved.map((t) => (t.resolvedAt!.getTime() - t.createdAt.getTime()) / 1000).sort((a, b) => a - b);
    expect(await value("count(tickets by solved where calendar resolution <= 4h)")).toBe(seconds.filter((s) => s <= 4 * 3600).length);
    const rank = (p: number) => {
      const h = p * (seconds.length - 1);
      return seconds[Math.floor(h)]! + (h - Math.floor(h)) * (seconds[Math.ceil(h)]! - seconds[Math.floor(h)]!);
    };
    expect(await value("median(calendar resolution of tickets by solved)")).toBeCloseTo(rank(0.5), 6);
    expect(await value("p90(calendar resolution of tickets by solved)")).toBeCloseTo(rank(0.9), 6);
    const builtIn = (await getKpiSnapshot(prisma(), ["avg_resolution_time"], q)).get("avg_resolution_time")!;
    expect(await value("median(resolution of tickets by solved)")).toBe(builtIn.median);
    expect(await value("p90(resolution of tickets by solved)")).toBe(builtIn.p90);
  }, 120_000);

  test("SLA outcomes: met and missed are the built-in's numerator and the rest of its denominator", async () => {
    for (const grouping of [NO_GROUPING, { by: "team" } as const]) {
      const q = query(grouping);
      const builtIn = (await getKpiSnapshot(prisma(), ["sla_resolution"], q)).get("sla_resolution")!;
      const met = await computeCustomKpi(prisma(), typed("count(tickets by solved where resolution_sla = met)"), q);
      const missed = await computeCustomKpi(prisma(), typed("count(tickets by solved where resolution_sla = missed)"), q);
      expect(met.value).toBe(builtIn.numerator);
      expect(met.value! + missed.value!).toBe(builtIn.denominator);
      expect(met.value).toBeGreaterThan(0);
    }
    // Unanswered tickets are missed once their target has passed, and have no outcome before.
    const none = await value("count(tickets by created where first_response_sla = none)");
    const known = await value("count(tickets by created where first_response_sla in (met, missed, none))");
    const all = await value("count(tickets by created)");
    expect(known! - none!).toBeGreaterThan(0);
    expect(known).toBeLessThanOrEqual(all!);
  }, 120_000);

  test("agents' status time: each agent's time in all statuses is the window, whole and per bucket", async () => {
    const from = new Date(now.getTime() - 2 * 24 * HOUR_MS);
    const window = { from, to: new Date(from.getTime() + 24 * HOUR_MS) };
    // Agents whose first status is before the window have a status at every instant of it.
    const agents = await prisma().agent.findMany({ where: { statuses: { some: { at: { lte: from } } } } });
    expect(agents.length).toBeGreaterThan(0);
    for (const agent of agents.slice(0, 3)) {
      const total = await value(`sum(duration of agent_status where agent = "${agent.externalId}")`, query(NO_GROUPING, window));
      expect(total).toBeCloseTo(24 * 3600, 3);
      const buckets = timeBuckets(window, "hour", ZONE);
      const byHour = await computeCustomKpi(prisma(), typed(`sum(duration of agent_status where agent = "${agent.externalId}")`),
        query({ by: "time", buckets }, window));
      // The window starts inside its first hour and ends inside its last.
      const inWindow = (b: (typeof buckets)[number]) => (Math.min(b.end.getTime(), window.to.getTime()) - Math.max(b.start.getTime(), window.from.getTime())) / 1000;
      byHour.groups!.forEach((g, i) => expect(g.value, String(g.key)).toBeCloseTo(inWindow(buckets[i]!), 3));
    }
    const available = await value("sum(duration of agent_status where status = available) / 1h", query(NO_GROUPING, window));
    expect(available).toBeGreaterThan(0);
  }, 120_000);

  test("agent messages, and the query's team filter on top of the formula's", async () => {
    const q = query();
    const messages = await prisma().message.count({ where: { author: "agent", public: true, createdAt: { gte: q.from, lt: q.to } } });
    expect(await value("count(agent_messages)")).toBe(messages);
    const oneTeam = await value("count(agent_messages)", { ...q, filters: { ...NO_FILTERS, team: [teams[0]!] } });
    expect(await value(`count(agent_messages where team = "${teams[0]}")`)).toBe(oneTeam);
    expect(await value(`count(agent_messages where team != "${teams[0]}")`)).toBe(messages - oneTeam!);
  }, 120_000);

  // Any formula the checker accepts compiles to SQL the database runs, on every grouping and clock.
  test("random well-typed formulas never produce an SQL error", async () => {
    const week = presetWindow("last_7_days", now, ZONE);
    const queries = [
      query(),
      { ...query({ by: "team" }), hours: "business" as const },
      query({ by: "time", buckets: timeBuckets(week, "day", ZONE) }),
      { ...query({ by: "priority" }), filters: { ...NO_FILTERS, channel: ["chat" as const] } },
    ];
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WINDOW_UNITS).chain((unit) => wellTypedFormula(unit, 2)), async (formula) => {
        const q = queries[i++ % queries.length]!;
        const result = await computeCustomKpi(prisma(), typed(formula), q);
        for (const v of [result.value, ...(result.groups ?? []).map((g) => g.value)]) {
          expect(v === null || Number.isFinite(v), formula).toBe(true);
        }
      }),
      { numRuns: 120, seed: 4242 },
    );
  }, 300_000);
});
