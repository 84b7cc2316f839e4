import { beforeAll, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { removeTeamSchedule, saveSchedule } from "@/lib/business-hours/save-schedule";
import { OFFICE_HOURS } from "@/lib/business-hours/schedule";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { updateOrgSettings } from "@/lib/org/update-org-settings";
import { listSlaPolicies, saveSlaPolicies } from "@/lib/sla/sla-policies";
import { clearRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { KPI_CATALOG, type KpiKey } from "../catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiFilters, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { presetWindow, timeBuckets, type TimeWindow } from "../time-windows";
import { loadHoursRecompute } from "./load-hours-recompute";
import { loadRollupStates } from "./load-rollup-states";
import { refreshRollups } from "./refresh-rollups";
import { HOUR_MS } from "./rollup-coverage";

const ZONE = "Europe/Berlin";
const WINDOW_KEYS = KPI_CATALOG.filter((k) => !("live" in k)).map((k) => k.key) as KpiKey[];

// Every KPI computed with the rollups must equal the same KPI computed from the raw rows alone,
// for any window, grouping, filter and time zone, before and after the data changes under them.
describeEachDatabase("KPI rollups give the raw rows' numbers", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;
  let teams: string[];
  let agents: string[];
  let queues: string[];

  beforeAll(async () => {
    now = new Date();
    // A history that runs up to this moment: the current hour is not rolled up and reads raw.
    await seedDemoIfEmpty(prisma(), { tickets: 1_200, days: 10, now, timeZone: ZONE, seed: 7 });
    teams = (await prisma().team.findMany({ orderBy: { externalId: "asc" } })).map((t) => t.externalId);
    agents = (await prisma().agent.findMany({ orderBy: { externalId: "asc" } })).map((a) => a.externalId);
    queues = (await prisma().queue.findMany({ orderBy: { externalId: "asc" } })).map((q) => q.externalId);
  }, 120_000);

  function queries(serviceLevelSeconds = 20): [string, KpiQuery][] {
    const q = (window: TimeWindow, timeZone: string, grouping: KpiGrouping = NO_GROUPING, filters: KpiFilters = NO_FILTERS): KpiQuery => ({
      ...window, timeZone, now, serviceLevelSeconds, filters, grouping,
    });
    const week = presetWindow("last_7_days", now, ZONE);
    const ragged = { from: new Date(now.getTime() - 5 * 24 * HOUR_MS + 17 * 60_000), to: new Date(now.getTime() - 26 * HOUR_MS - 3 * 60_000) };
    const twoDays = { from: presetWindow("yesterday", now, ZONE).from, to: presetWindow("today", now, ZONE).to };
    const list: [string, KpiQuery][] = [
      ["last 7 days", q(week, ZONE)],
      ["today", q(presetWindow("today", now, ZONE), ZONE)],
      ["a ragged window", q(ragged, ZONE)],
      ["last 7 days by day", q(week, ZONE, { by: "time", buckets: timeBuckets(week, "day", ZONE) })],
      ["two days by hour", q(twoDays, ZONE, { by: "time", buckets: timeBuckets(twoDays, "hour", ZONE) })],
      ["last 7 days by day in New York", q(presetWindow("last_7_days", now, "America/New_York"), "America/New_York", { by: "time", buckets: timeBuckets(presetWindow("last_7_days", now, "America/New_York"), "day", "America/New_York") })],
      ["last 7 days by day in Kolkata", q(presetWindow("last_7_days", now, "Asia/Kolkata"), "Asia/Kolkata", { by: "time", buckets: timeBuckets(presetWindow("last_7_days", now, "Asia/Kolkata"), "day", "Asia/Kolkata") })],
      ["the ragged window by week", q(ragged, ZONE, { by: "time", buckets: timeBuckets(ragged, "week", ZONE) })],
      ["in business hours", { ...q(week, ZONE), hours: "business" }],
    ];
    for (const by of ["team", "agent", "channel", "priority", "queue"] as const) list.push([`last 7 days by ${by}`, q(week, ZONE, { by })]);
    list.push(
      ["one team", q(week, ZONE, NO_GROUPING, { ...NO_FILTERS, team: [teams[0]!] })],
      ["two agents by channel", q(week, ZONE, { by: "channel" }, { ...NO_FILTERS, agent: agents.slice(0, 2) })],
      ["email and chat by team", q(ragged, ZONE, { by: "team" }, { ...NO_FILTERS, channel: ["email", "chat"] })],
      ["one queue by day", q(week, ZONE, { by: "time", buckets: timeBuckets(week, "day", ZONE) }, { ...NO_FILTERS, queue: [queues[0]!] })],
    );
    // Medians and p90s from the sketches (never exact here): the daily sketches plus the raw edges
    // must give what bucketing every raw value gives, on every level of the sketches and off them.
    const sketched = (query: KpiQuery): KpiQuery => ({ ...query, exactPercentilesUpTo: 0 });
    list.push(
      ["last 7 days, sketched", sketched(q(week, ZONE))],
      ["a ragged window, sketched", sketched(q(ragged, ZONE))],
      ["last 7 days in New York, sketched", sketched(q(presetWindow("last_7_days", now, "America/New_York"), "America/New_York"))],
      ["in business hours, sketched", sketched({ ...q(week, ZONE), hours: "business" })],
      ["two teams, sketched", sketched(q(week, ZONE, NO_GROUPING, { ...NO_FILTERS, team: teams.slice(0, 2) }))],
      ["chat, sketched", sketched(q(ragged, ZONE, NO_GROUPING, { ...NO_FILTERS, channel: ["chat"] }))],
      ["one agent, sketched", sketched(q(week, ZONE, NO_GROUPING, { ...NO_FILTERS, agent: [agents[0]!] }))],
    );
    // Distinct visitors from the sketches: merged from days, hours and raw edges, the same sketch as
    // of every raw view, so the same estimate.
    const distinct = (query: KpiQuery): KpiQuery => ({ ...query, exactDistinctUpTo: 0 });
    list.push(
      ["a ragged window, visitors sketched", distinct(q(ragged, ZONE))],
      ["last 7 days by day in Kolkata, visitors sketched", distinct(q(presetWindow("last_7_days", now, "Asia/Kolkata"), "Asia/Kolkata", { by: "time", buckets: timeBuckets(presetWindow("last_7_days", now, "Asia/Kolkata"), "day", "Asia/Kolkata") }))],
      ["two days by hour, visitors sketched", distinct(q(twoDays, ZONE, { by: "time", buckets: timeBuckets(twoDays, "hour", ZONE) }))],
    );
    return list;
  }

  // Groups come in the order the database returns them; compared in one order.
  const comparable = (snapshot: Map<KpiKey, KpiSnapshotEntry>) =>
    Object.fromEntries([...snapshot].map(([key, entry]) => [key, { ...entry, groups: entry.groups?.toSorted((a, b) => String(a.key).localeCompare(String(b.key))) }]));

  async function expectRollupsMatchRaw(serviceLevelSeconds?: number) {
    for (const [label, q] of queries(serviceLevelSeconds)) {
      const rolled = await getKpiSnapshot(prisma(), WINDOW_KEYS, q);
      const raw = await getKpiSnapshot(prisma(), WINDOW_KEYS, { ...q, rollups: {} });
      expect(comparable(rolled), label).toEqual(comparable(raw));
    }
  }

  test("right after the rollup, and the rollup is what is read", async () => {
    const states = await loadRollupStates(prisma(), presetWindow("last_7_days", now, ZONE));
    expect(states.tickets?.rolledUntil?.getTime()).toBe(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    expect(states.calls?.dayTimeZone).toBe(ZONE);
    await expectRollupsMatchRaw();

    // Skew one rolled-up day of each day level and one rolled-up hour: the numbers must move, or the
    // rollups were not read. A whole window reads the team level's days, a breakdown by agent the daily level's.
    const week = { ...presetWindow("last_7_days", now, ZONE), timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping: NO_GROUPING };
    const before = (await getKpiSnapshot(prisma(), ["ticket_volume"], week)).get("ticket_volume")!.value!;
    await prisma().$executeRaw`UPDATE ticket_rollup_team_daily SET volume = volume + 1000 WHERE id = (SELECT min(id) FROM ticket_rollup_team_daily WHERE day >= ${week.from})`;
    expect((await getKpiSnapshot(prisma(), ["ticket_volume"], week)).get("ticket_volume")!.value).toBe(before + 1000);
    const byAgent = { ...week, grouping: { by: "agent" } as const };
    const agents = (await getKpiSnapshot(prisma(), ["ticket_volume"], byAgent)).get("ticket_volume")!.groups!.reduce((s, g) => s + (g.value ?? 0), 0);
    await prisma().$executeRaw`UPDATE ticket_rollup_daily SET volume = volume + 1000 WHERE id = (SELECT min(id) FROM ticket_rollup_daily WHERE day >= ${week.from})`;
    expect((await getKpiSnapshot(prisma(), ["ticket_volume"], byAgent)).get("ticket_volume")!.groups!.reduce((s, g) => s + (g.value ?? 0), 0)).toBe(agents + 1000);
    const byPriority = { ...week, grouping: { by: "priority" } as const };
    const total = (await getKpiSnapshot(prisma(), ["ticket_volume"], byPriority)).get("ticket_volume")!.groups!.reduce((s, g) => s + (g.value ?? 0), 0);
    await prisma().$executeRaw`UPDATE ticket_rollup SET volume = volume + 1 WHERE id = (SELECT min(id) FROM ticket_rollup WHERE hour >= ${week.from})`;
    expect((await getKpiSnapshot(prisma(), ["ticket_volume"], byPriority)).get("ticket_volume")!.groups!.reduce((s, g) => s + (g.value ?? 0), 0)).toBe(total + 1);
    // The knowledge base's days and hours, with their visitor sketches.
    const kb = (query: KpiQuery) => getKpiSnapshot(prisma(), ["kb_views_per_visitor"], { ...query, exactDistinctUpTo: 0 }).then((s) => s.get("kb_views_per_visitor")!);
    const kbBefore = await kb(week);
    expect(kbBefore.distinct).toBe("approximate");
    await prisma().$executeRaw`UPDATE kb_rollup_daily SET views = views + 1000 WHERE day = (SELECT min(day) FROM kb_rollup_daily WHERE day >= ${week.from})`;
    expect((await kb(week)).numerator).toBe(kbBefore.numerator! + 1000);
    // By the hour every rolled-up hour is read from the hourly rows: a thousand more registers set there is hundreds more visitors.
    const twoDays = { from: presetWindow("yesterday", now, ZONE).from, to: presetWindow("today", now, ZONE).to };
    const byHour = { ...week, ...twoDays, grouping: { by: "time", buckets: timeBuckets(twoDays, "hour", ZONE) } as const };
    const hoursBefore = await kb(byHour);
    await prisma().$executeRaw`UPDATE kb_rollup SET views = views + 1, registers = ARRAY(SELECT generate_series(0, 999)), ranks = array_fill(1, ARRAY[1000]) WHERE hour = (SELECT max(hour) FROM kb_rollup WHERE hour >= ${twoDays.from})`;
    const hoursSkewed = await kb(byHour);
    expect(hoursSkewed.groups!.reduce((sum, g) => sum + g.n, 0)).toBe(hoursBefore.groups!.reduce((sum, g) => sum + g.n, 0) + 1);
    expect(hoursSkewed.numerator).toBe(hoursBefore.numerator! + 1);
    expect(hoursSkewed.denominator).toBeGreaterThan(hoursBefore.denominator!);
    // Rolling everything up again from the raw rows puts them right.
    await prisma().$executeRaw`UPDATE rollup_state SET rolled_until = NULL`;
    await refreshRollups(prisma(), now);
    expect((await getKpiSnapshot(prisma(), ["ticket_volume"], week)).get("ticket_volume")!.value).toBe(before);
  }, 120_000);

  test("after ingested changes to rolled-up hours, before and after the next refresh", async () => {
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS).toISOString();
    const ticket = await prisma().ticket.findFirstOrThrow({
      where: { createdAt: { lt: new Date(now.getTime() - 72 * HOUR_MS) }, resolvedAt: { not: null }, messages: { some: {} } },
      include: { team: true, assignee: true }, orderBy: { id: "asc" },
    });
    const call = await prisma().call.findFirstOrThrow({ where: { answeredAt: { not: null }, endedAt: { lt: new Date(now.getTime() - 48 * HOUR_MS) } }, orderBy: { id: "asc" } });
    await ingestBatch(prisma(), {
      tickets: [
        // Moved to another team, channel and priority, resolved a day later, reopened.
        {
          externalId: ticket.externalId, channel: ticket.channel === "email" ? "chat" : "email", priority: ticket.priority === "high" ? "low" : "high",
          team: teams.find((t) => t !== ticket.team?.externalId)!, ...(ticket.assignee ? { assignee: ticket.assignee.externalId } : {}),
          status: "solved", createdAt: ticket.createdAt.toISOString(), ...(ticket.firstResponseAt ? { firstResponseAt: ticket.firstResponseAt.toISOString() } : {}),
          resolvedAt: new Date(ticket.resolvedAt!.getTime() + 24 * HOUR_MS).toISOString(), reopens: ticket.reopens + 1,
        },
        { externalId: "late-arrival", channel: "phone", status: "open", createdAt: ago(50), team: teams[0]! },
        // A source system's clock slip: resolved before it was created, so never in the backlog.
        { externalId: "clock-slip", channel: "email", status: "solved", createdAt: ago(40), resolvedAt: ago(60), team: teams[1]! },
      ],
      messages: [
        { externalId: "late-reply", ticket: ticket.externalId, author: "agent", agent: agents[0]!, createdAt: new Date(ticket.createdAt.getTime() + 30 * 60_000).toISOString() },
        { externalId: "late-note", ticket: ticket.externalId, author: "agent", agent: agents[1]!, createdAt: new Date(ticket.createdAt.getTime() + 40 * 60_000).toISOString(), public: false },
        { externalId: "late-question", ticket: "late-arrival", author: "customer", createdAt: ago(49.5) },
      ],
      surveys: [
        { externalId: "late-csat", kind: "csat", score: 1, respondedAt: ago(30), ticket: ticket.externalId },
        { externalId: "late-enps", kind: "enps", score: 10, respondedAt: ago(80), team: teams[1]! },
      ],
      calls: [
        // The same call, now abandoned in the queue instead of answered.
        { externalId: call.externalId, queue: queues[0]!, ...(call.queuedAt ? { queuedAt: call.queuedAt.toISOString() } : { queuedAt: ago(60) }), endedAt: call.endedAt!.toISOString() },
        { externalId: "late-call", queue: queues[1] ?? queues[0]!, agent: agents[2]!, queuedAt: ago(70), answeredAt: ago(69.99), endedAt: ago(69.9), talkSeconds: 300 },
      ],
    });
    const dirty = await prisma().rollupDirtyHour.groupBy({ by: ["family"], _count: true });
    expect(dirty.map((d) => d.family).sort()).toEqual(["calls", "replies", "surveys", "tickets"]);
    await expectRollupsMatchRaw();

    await refreshRollups(prisma(), now);
    expect(await prisma().rollupDirtyHour.count()).toBe(0);
    await expectRollupsMatchRaw();
    await expectBacklogSeriesMatchesEachEnd();
  }, 240_000);

  // A bucket's backlog is worked back from the window's end; the window ending at that bucket's end
  // counts it directly.
  async function expectBacklogSeriesMatchesEachEnd() {
    const week = presetWindow("last_7_days", now, ZONE);
    const buckets = timeBuckets(week, "day", ZONE);
    const base = { timeZone: ZONE, now, serviceLevelSeconds: 20 };
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, team: [teams[1]!] }]) {
      const series = (await getKpiSnapshot(prisma(), ["backlog"], { ...base, ...week, filters, grouping: { by: "time", buckets } })).get("backlog")!.groups!;
      const direct = await Promise.all(buckets.map(async (b) =>
        (await getKpiSnapshot(prisma(), ["backlog"], { ...base, from: week.from, to: b.end, filters, grouping: NO_GROUPING })).get("backlog")!.value));
      expect(series.map((g) => g.value)).toEqual(direct);
    }
  }

  test("a new service-level threshold or time zone is rolled up anew, and read raw until then", async () => {
    await updateOrgSettings(prisma(), { serviceLevelSeconds: 45 });
    await expectRollupsMatchRaw(45);
    await refreshRollups(prisma(), now);
    expect((await loadRollupStates(prisma(), { from: now, to: now })).calls?.serviceLevelSeconds).toBe(45);
    await expectRollupsMatchRaw(45);

    await updateOrgSettings(prisma(), { timeZone: "America/New_York" });
    await refreshRollups(prisma(), now);
    expect((await loadRollupStates(prisma(), { from: now, to: now })).tickets?.dayTimeZone).toBe("America/New_York");
    await expectRollupsMatchRaw(45);
  }, 240_000);

  const hoursCurrent = async () => {
    const states = await loadRollupStates(prisma(), { from: now, to: now });
    return [states.tickets?.hoursCurrent, states.replies?.hoursCurrent];
  };

  test("business-hours and SLA columns are what is read while they are current", async () => {
    expect(await hoursCurrent()).toEqual([true, true]);
    const week = presetWindow("last_7_days", now, ZONE);
    const base = { ...week, timeZone: ZONE, now, serviceLevelSeconds: 45, filters: NO_FILTERS, grouping: { by: "priority" } as const };
    const business = { ...base, hours: "business" as const };
    const keys: KpiKey[] = ["first_response_time", "avg_reply_time", "sla_first_response", "sla_resolution"];
    const before = comparable(await getKpiSnapshot(prisma(), keys, business));
    const inWeek = Prisma.sql`hour >= ${week.from} AND hour < ${new Date(week.to.getTime() - 48 * HOUR_MS)}`;
    await prisma().$executeRaw`UPDATE ticket_rollup SET sla_fr_n = sla_fr_n + 1000, frt_bsum = frt_bsum + 1e6 WHERE id = (SELECT min(id) FROM ticket_rollup WHERE frt_n > 0 AND ${inWeek})`;
    await prisma().$executeRaw`UPDATE reply_rollup SET wait_bsum = wait_bsum + 1e6 WHERE id = (SELECT min(id) FROM reply_rollup WHERE ${inWeek})`;
    const skewed = comparable(await getKpiSnapshot(prisma(), keys, business));
    const total = (snapshot: typeof before, key: KpiKey) => (snapshot[key]!.groups ?? []).reduce((sum, g) => sum + g.n, 0);
    expect(total(skewed, "sla_first_response")).toBe(total(before, "sla_first_response") + 1000);
    expect(skewed.first_response_time).not.toEqual(before.first_response_time);
    expect(skewed.avg_reply_time).not.toEqual(before.avg_reply_time);
    // The calendar columns are untouched, and a recompute from the raw rows puts the others right.
    await prisma().$executeRaw`UPDATE rollup_state SET rolled_until = NULL`;
    await refreshRollups(prisma(), now);
    expect(comparable(await getKpiSnapshot(prisma(), keys, business))).toEqual(before);
  }, 120_000);

  test("a new schedule, holiday, team schedule or SLA policy is recomputed a chunk at a time, read raw until done", async () => {
    const zone = "America/New_York";
    const yesterday = presetWindow("yesterday", now, zone).from.toISOString().slice(0, 10);
    await saveSchedule(prisma(), { kind: "org" }, { timeZone: zone, weeklyHours: OFFICE_HOURS, holidays: [{ date: yesterday, name: "Closed" }] });
    expect(await hoursCurrent()).toEqual([false, false]);
    expect(await loadHoursRecompute(prisma())).toMatchObject({ current: false, progress: 0 });
    await expectRollupsMatchRaw(45);

    // One chunk (a week of hours) of a longer history: partway, and resumed where it stopped.
    await refreshRollups(prisma(), now, { recomputeChunks: 1 });
    const partway = await loadHoursRecompute(prisma());
    expect(partway.current).toBe(false);
    expect(partway.progress).toBeGreaterThan(0);
    expect(partway.progress).toBeLessThan(1);
    expect(await hoursCurrent()).toEqual([false, false]);
    await expectRollupsMatchRaw(45);
    await refreshRollups(prisma(), now);
    expect(await loadHoursRecompute(prisma())).toMatchObject({ current: true, progress: 1 });
    expect(await hoursCurrent()).toEqual([true, true]);
    await expectRollupsMatchRaw(45);

    // Changed again partway through: the recompute starts over under the newest settings.
    await saveSchedule(prisma(), { kind: "team", team: teams[0]! }, { timeZone: ZONE, weeklyHours: OFFICE_HOURS, holidays: [] });
    await refreshRollups(prisma(), now, { recomputeChunks: 1 });
    const policies = await listSlaPolicies(prisma());
    await saveSlaPolicies(prisma(), policies.map((p) => ({
      ...p, firstResponseSeconds: p.firstResponseSeconds && p.firstResponseSeconds * 2, resolutionHours: p.resolutionHours === "business" ? "calendar" : "business",
    })));
    await removeTeamSchedule(prisma(), "social");
    expect(await hoursCurrent()).toEqual([false, false]);
    await refreshRollups(prisma(), now);
    expect(await hoursCurrent()).toEqual([true, true]);
    await expectRollupsMatchRaw(45);
  }, 480_000);

  test("emptying the tables forgets their rollups", async () => {
    await clearRecords(prisma());
    const states = await loadRollupStates(prisma(), { from: now, to: now });
    expect(Object.values(states).map((s) => s.rolledUntil)).toEqual([null, null, null, null, null]);
    expect(await prisma().kbRollupDaily.count()).toBe(0);
    expect(await prisma().ticketRollupDaily.count()).toBe(0);
    expect(await prisma().callRollup.count()).toBe(0);
  });
});
