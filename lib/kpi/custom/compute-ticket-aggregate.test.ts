import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import type { KpiKey } from "../catalog";
import { getKpiSnapshot } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiFilters, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { loadRollupStates } from "../rollups/load-rollup-states";
import { HOUR_MS } from "../rollups/rollup-coverage";
import { presetWindow, timeBuckets, type TimeWindow } from "../time-windows";
import { checkFormula } from "./check-formula";
import { computeTicketAggregate, isRolledUpTicketAggregate, type AggregateGroup, type TicketAggregate } from "./compute-ticket-aggregate";

const ZONE = "Europe/Berlin";

function aggregate(formula: string): TicketAggregate {
  const result = checkFormula(formula);
  if (!result.ok) throw new Error(result.error.message);
  if (!isRolledUpTicketAggregate(result.value)) throw new Error(`not a rolled-up ticket aggregate: ${formula}`);
  return result.value;
}

test("only counts and shares of tickets whose conditions test the rollup's dimensions are computed here", () => {
  const accepts = (formula: string) => {
    const result = checkFormula(formula);
    return result.ok && isRolledUpTicketAggregate(result.value);
  };
  expect(accepts('share(tickets by solved where not team = "A", channel in (chat, email) or priority != low)')).toBe(true);
  expect(accepts("count(tickets by created where reopens > 0)")).toBe(false);
  expect(accepts("count(tickets by created where status = open)")).toBe(false);
  expect(accepts("count(open_tickets)")).toBe(false);
  expect(accepts("mean(resolution of tickets by solved)")).toBe(false);
  expect(accepts("count(tickets by solved) + 1")).toBe(false);
});

// The built-in KPIs are the oracle: a custom count of tickets must be the built-in count of the
// same tickets, for any window, grouping and filter, from the rollups and from the raw rows alike.
describeEachDatabase("custom counts and shares of tickets give the built-ins' numbers", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;
  let teams: string[];

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 900, days: 8, now, timeZone: ZONE, seed: 21 });
    teams = (await prisma().team.findMany({ orderBy: { externalId: "asc" } })).map((t) => t.externalId);
  }, 120_000);

  const query = (window: TimeWindow, grouping: KpiGrouping = NO_GROUPING, filters: KpiFilters = NO_FILTERS): KpiQuery => ({
    ...window, timeZone: ZONE, now, serviceLevelSeconds: 20, filters, grouping,
  });

  function queries(): [string, KpiQuery][] {
    const week = presetWindow("last_7_days", now, ZONE);
    const ragged = { from: new Date(now.getTime() - 4 * 24 * HOUR_MS + 17 * 60_000), to: new Date(now.getTime() - 20 * HOUR_MS - 3 * 60_000) };
    return [
      ["last 7 days", query(week)],
      ["today", query(presetWindow("today", now, ZONE))],
      ["a ragged window", query(ragged)],
      ["last 7 days by day", query(week, { by: "time", buckets: timeBuckets(week, "day", ZONE) })],
      ["the ragged window by hour", query(ragged, { by: "time", buckets: timeBuckets(ragged, "hour", ZONE) })],
      ["last 7 days by team", query(week, { by: "team" })],
      ["last 7 days by priority", query(week, { by: "priority" })],
      ["by agent, chat and email only", query(week, { by: "agent" }, { ...NO_FILTERS, channel: ["chat", "email"] })],
      ["one team by channel", query(ragged, { by: "channel" }, { ...NO_FILTERS, team: [teams[0]!] })],
    ];
  }

  /** The aggregate's groups, with the rollups' state loaded as getKpiSnapshot loads it unless the query gives one. */
  const computed = async (formula: string, q: KpiQuery) =>
    computeTicketAggregate(prisma(), aggregate(formula), { ...q, rollups: q.rollups ?? (await loadRollupStates(prisma(), q)) });

  /** The built-in's total and groups, keyed as computeTicketAggregate keys them (buckets by number). */
  async function builtIn(key: KpiKey, q: KpiQuery, read: "value" | "n"): Promise<Map<string | null, number | null>> {
    const entry = (await getKpiSnapshot(prisma(), [key], q)).get(key)!;
    if (q.grouping.by === "none") return new Map([["", entry[read] ?? null]]);
    const bucketNumber = (bucketKey: string | null) =>
      q.grouping.by === "time" ? String(q.grouping.buckets.findIndex((b) => b.key === bucketKey) + 1) : bucketKey;
    return new Map((entry.groups ?? []).map((g) => [bucketNumber(g.key), read === "value" ? g.value : g.n]));
  }

  // As the snapshot does, a breakdown leaves out the groups without data; time buckets keep them.
  const shown = (groups: AggregateGroup[], q: KpiQuery) =>
    new Map(groups.filter((g) => q.grouping.by === "time" || q.grouping.by === "none" || g.n > 0).map((g) => [g.key, g.value]));

  test.each<[string, KpiKey, "value" | "n"]>([
    ["count(tickets by created)", "ticket_volume", "value"],
    ["count(tickets by solved)", "tickets_solved", "value"],
    ["count(tickets by first_answered)", "first_response_time", "n"],
  ])("%s is %s's %s, from the rollups and from the raw rows", async (formula, key, read) => {
    for (const [label, q] of queries()) {
      const expected = await builtIn(key, q, read);
      expect(shown(await computed(formula, q), q), `${label}, rolled up`).toEqual(expected);
      expect(shown(await computed(formula, { ...q, rollups: {} }), q), `${label}, raw`).toEqual(expected);
    }
  }, 120_000);

  test("a formula's filter on a dimension counts what the same dashboard filter counts", async () => {
    const week = presetWindow("last_7_days", now, ZONE);
    for (const q of [query(week), query(week, { by: "time", buckets: timeBuckets(week, "day", ZONE) }), query(week, { by: "team" })]) {
      expect(shown(await computed("count(tickets by created where channel in (chat, email))", q), q))
        .toEqual(await builtIn("ticket_volume", { ...q, filters: { ...NO_FILTERS, channel: ["chat", "email"] } }, "value"));
      expect(shown(await computed(`count(tickets by solved where team = "${teams[1]}")`, q), q))
        .toEqual(await builtIn("tickets_solved", { ...q, filters: { ...NO_FILTERS, team: [teams[1]!] } }, "value"));
    }
  }, 120_000);

  test("a formula's filter on an agent, which the team-level days lack, counts the agent's tickets", async () => {
    const agent = (await prisma().agent.findFirstOrThrow({ orderBy: { externalId: "asc" } })).externalId;
    const week = presetWindow("last_7_days", now, ZONE);
    for (const q of [query(week), query(week, { by: "time", buckets: timeBuckets(week, "day", ZONE) }), query(week, { by: "channel" })]) {
      expect(shown(await computed(`count(tickets by created where agent = "${agent}")`, q), q))
        .toEqual(await builtIn("ticket_volume", { ...q, filters: { ...NO_FILTERS, agent: [agent] } }, "value"));
    }
  }, 120_000);

  test("a filter on priority, which only the hourly rollup keeps, counts each priority's tickets", async () => {
    const q = query(presetWindow("last_7_days", now, ZONE));
    const byPriority = await builtIn("ticket_volume", { ...q, grouping: { by: "priority" } }, "value");
    const [total] = await computed("count(tickets by created where priority in (urgent, high))", q);
    expect(total!.value).toBe((byPriority.get("urgent") ?? 0) + (byPriority.get("high") ?? 0));
    const [raw] = await computed("count(tickets by created where priority in (urgent, high))", { ...q, rollups: {} });
    expect(raw!.value).toBe(total!.value);
  }, 120_000);

  test("!= and not count tickets without the dimension as not equal", async () => {
    const q = query(presetWindow("last_7_days", now, ZONE));
    const all = (await builtIn("ticket_volume", q, "value")).get("")!;
    const one = (await builtIn("ticket_volume", { ...q, filters: { ...NO_FILTERS, team: [teams[0]!] } }, "value")).get("")!;
    for (const formula of [`count(tickets by created where team != "${teams[0]}")`, `count(tickets by created where not team = "${teams[0]}")`]) {
      const [total] = await computed(formula, q);
      expect(total!.value, formula).toBe(all! - one!);
    }
  }, 120_000);

  test("a share is the matching count over its set's count, null over no tickets", async () => {
    const week = presetWindow("last_7_days", now, ZONE);
    const q = query(week, { by: "time", buckets: timeBuckets(week, "day", ZONE) });
    const base = await builtIn("tickets_solved", { ...q, filters: { ...NO_FILTERS, team: [teams[0]!] } }, "value");
    const matched = await builtIn("tickets_solved", { ...q, filters: { ...NO_FILTERS, team: [teams[0]!], channel: ["chat"] } }, "value");
    const groups = await computed(`share(tickets by solved where team = "${teams[0]}", channel = chat)`, q);
    expect(groups.map((g) => [g.key, g.numerator, g.denominator])).toEqual([...base].map(([key, n]) => [key, matched.get(key), n]));
    for (const g of groups) expect(g.value).toBe(g.denominator! > 0 ? g.numerator! / g.denominator! : null);
    expect(groups.some((g) => g.denominator! > 0)).toBe(true);

    const future = query({ from: new Date(now.getTime() + 48 * HOUR_MS), to: new Date(now.getTime() + 72 * HOUR_MS) });
    expect(await computed("share(tickets by created, channel = chat)", future))
      .toEqual([{ key: "", value: null, n: 0, numerator: 0, denominator: 0 }]);
  }, 120_000);

  test("whole days come from the team-level daily rollup, and hours from the hourly one when the formula tests priority", async () => {
    const q = query(presetWindow("last_7_days", now, ZONE));
    const plain = "count(tickets by created where channel != web)";
    const withPriority = "count(tickets by created where channel != web and priority != low)";
    const [before] = await computed(plain, q);
    const [beforePriority] = await computed(withPriority, q);
    await prisma().$executeRaw`UPDATE ticket_rollup_team_daily SET volume = volume + 1000 WHERE id = (SELECT min(id) FROM ticket_rollup_team_daily WHERE day >= ${q.from} AND channel = 'chat')`;
    await prisma().$executeRaw`UPDATE ticket_rollup SET volume = volume + 1 WHERE id = (SELECT min(id) FROM ticket_rollup WHERE hour >= ${q.from} AND channel = 'chat' AND priority = 'urgent')`;
    try {
      expect((await computed(plain, q))[0]!.value).toBe(before!.value! + 1000);
      expect((await computed(withPriority, q))[0]!.value).toBe(beforePriority!.value! + 1);
    } finally {
      await prisma().$executeRaw`UPDATE ticket_rollup_team_daily SET volume = volume - 1000 WHERE id = (SELECT min(id) FROM ticket_rollup_team_daily WHERE day >= ${q.from} AND channel = 'chat')`;
      await prisma().$executeRaw`UPDATE ticket_rollup SET volume = volume - 1 WHERE id = (SELECT min(id) FROM ticket_rollup WHERE hour >= ${q.from} AND channel = 'chat' AND priority = 'urgent')`;
    }
  }, 120_000);
});
