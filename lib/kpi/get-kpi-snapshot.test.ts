import { beforeAll, describe, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch, type IngestBatch } from "@/lib/ingest/record-schemas";
import { clearRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";

import { KPI_KEYS, type KpiKey } from "./catalog";
import { getKpiSnapshot } from "./get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiFilters, type KpiGrouping, type KpiQuery } from "./kpi-query";
import { timeBuckets } from "./time-windows";

// Hand-computed fixtures: every expected number below is worked out in the comments from the
// records, not from the code. The window is 10 March 2026 (UTC); "now" is two days later.
const FROM = "2026-03-10T00:00:00Z";
const TO = "2026-03-11T00:00:00Z";
const NOW = new Date("2026-03-12T12:00:00Z");

const FIXTURE: IngestBatch = {
  teams: [{ externalId: "A", name: "Team A" }, { externalId: "B", name: "Team B" }],
  agents: [{ externalId: "a1", name: "Ann", team: "A" }, { externalId: "b1", name: "Bob", team: "B" }, { externalId: "a2", name: "Al", team: "A" }],
  tickets: [
    // T1: FRT 1800 s, ART 7200 s, one public reply (+ a private note): first contact resolution.
    { externalId: "T1", channel: "email", team: "A", assignee: "a1", status: "solved", createdAt: "2026-03-10T09:00:00Z",
      firstResponseAt: "2026-03-10T09:30:00Z", resolvedAt: "2026-03-10T11:00:00Z", reopens: 0 },
    // T2: created exactly at `from` (in), resolved exactly at `to` (not in: backlog at `to`). FRT 60 s; two replies.
    { externalId: "T2", channel: "chat", team: "B", assignee: "b1", status: "solved", createdAt: FROM,
      firstResponseAt: "2026-03-10T00:01:00Z", resolvedAt: TO, reopens: 0 },
    // T3: created the day before; FRT 43200 s and ART 57600 s count today; reopened once.
    { externalId: "T3", channel: "email", team: "A", assignee: "a1", status: "solved", createdAt: "2026-03-09T20:00:00Z",
      firstResponseAt: "2026-03-10T08:00:00Z", resolvedAt: "2026-03-10T12:00:00Z", reopens: 1 },
    // T4: created exactly at `to`: tomorrow's.
    { externalId: "T4", channel: "web", team: "B", status: "new", createdAt: TO },
    // T5: created today, untouched: in volume and backlog.
    { externalId: "T5", channel: "email", team: "A", status: "new", createdAt: "2026-03-10T15:00:00Z" },
  ],
  messages: [
    { externalId: "m1", ticket: "T1", author: "customer", createdAt: "2026-03-10T09:00:00Z" },
    { externalId: "m2", ticket: "T1", author: "agent", agent: "a1", createdAt: "2026-03-10T09:30:00Z" },
    { externalId: "m3", ticket: "T1", author: "agent", agent: "a1", createdAt: "2026-03-10T09:40:00Z", public: false },
    { externalId: "m4", ticket: "T2", author: "customer", createdAt: FROM },
    { externalId: "m5", ticket: "T2", author: "agent", agent: "b1", createdAt: "2026-03-10T00:01:00Z" },
    { externalId: "m6", ticket: "T2", author: "customer", createdAt: "2026-03-10T00:05:00Z" },
    { externalId: "m7", ticket: "T2", author: "customer", createdAt: "2026-03-10T00:07:00Z" },
    { externalId: "m8", ticket: "T2", author: "agent", agent: "b1", createdAt: "2026-03-10T00:10:00Z" },
    { externalId: "m9", ticket: "T3", author: "customer", createdAt: "2026-03-09T20:00:00Z" },
    { externalId: "m10", ticket: "T3", author: "agent", agent: "a1", createdAt: "2026-03-10T08:00:00Z" },
    { externalId: "m11", ticket: "T3", author: "customer", createdAt: "2026-03-10T09:00:00Z" },
    { externalId: "m12", ticket: "T3", author: "agent", agent: "a1", createdAt: "2026-03-10T10:00:00Z" },
  ],
  calls: [
    { externalId: "C1", queue: "q1", team: "A", agent: "a1", queuedAt: "2026-03-10T10:00:00Z", answeredAt: "2026-03-10T10:00:15Z",
      endedAt: "2026-03-10T10:05:00Z", talkSeconds: 250, holdSeconds: 20, wrapUpSeconds: 30 },
    // Answered without queueing: waited 0 s.
    { externalId: "C2", queue: "q2", team: "B", agent: "b1", answeredAt: "2026-03-10T11:00:00Z", endedAt: "2026-03-10T11:02:00Z",
      talkSeconds: 100, wrapUpSeconds: 20 },
    // Queued, then abandoned.
    { externalId: "C3", queue: "q1", queuedAt: "2026-03-10T12:00:00Z", endedAt: "2026-03-10T12:01:00Z" },
    // Hung up before reaching the queue: not offered.
    { externalId: "C4", queue: "q1", endedAt: "2026-03-10T13:00:00Z" },
    // Waited 30 s: answered, but outside the 20 s service level.
    { externalId: "C5", queue: "q1", team: "A", agent: "a1", queuedAt: "2026-03-10T14:00:00Z", answeredAt: "2026-03-10T14:00:30Z",
      endedAt: "2026-03-10T14:05:00Z", talkSeconds: 200, wrapUpSeconds: 40 },
    // Ended exactly at `to`: tomorrow's.
    { externalId: "C6", queue: "q1", queuedAt: "2026-03-10T23:50:00Z", answeredAt: "2026-03-10T23:50:05Z", endedAt: TO, talkSeconds: 600 },
    // Outbound: handle time only.
    { externalId: "C7", team: "A", agent: "a1", direction: "outbound", answeredAt: "2026-03-10T15:00:00Z",
      endedAt: "2026-03-10T15:10:00Z", talkSeconds: 600 },
    // Ended exactly at `from`: today's. Waited 10 s.
    { externalId: "C8", queue: "q2", team: "B", agent: "b1", queuedAt: "2026-03-09T23:59:00Z", answeredAt: "2026-03-09T23:59:10Z",
      endedAt: FROM, talkSeconds: 50 },
    // Live at NOW (12 March 12:00): two waiting (120 s and 30 s), one stale, one in progress.
    { externalId: "W1", queue: "q1", queuedAt: "2026-03-12T11:58:00Z" },
    { externalId: "W2", queue: "q2", queuedAt: "2026-03-12T11:59:30Z" },
    { externalId: "W3", queue: "q1", queuedAt: "2026-03-11T20:00:00Z" },
    { externalId: "W4", queue: "q1", queuedAt: "2026-03-12T11:00:00Z", answeredAt: "2026-03-12T11:01:00Z", agent: "b1" },
  ],
  surveys: [
    { externalId: "s1", kind: "csat", score: 5, respondedAt: "2026-03-10T12:00:00Z", ticket: "T1", agent: "a1", team: "A" },
    { externalId: "s2", kind: "csat", score: 4, respondedAt: "2026-03-10T13:00:00Z", ticket: "T3", agent: "a1", team: "A" },
    { externalId: "s3", kind: "csat", score: 3, respondedAt: "2026-03-10T14:00:00Z", ticket: "T2", agent: "b1", team: "B" },
    { externalId: "s4", kind: "csat", score: 1, respondedAt: FROM, team: "B" },
    { externalId: "s5", kind: "csat", score: 5, respondedAt: TO, team: "B" },
    { externalId: "s6", kind: "ces", score: 2, respondedAt: "2026-03-10T12:00:00Z", ticket: "T1" },
    { externalId: "s7", kind: "ces", score: 4, respondedAt: "2026-03-10T12:00:00Z", ticket: "T2" },
    { externalId: "s8", kind: "enps", score: 10, respondedAt: "2026-03-10T09:00:00Z", agent: "a1", team: "A" },
    { externalId: "s9", kind: "enps", score: 6, respondedAt: "2026-03-10T09:00:00Z", agent: "b1", team: "B" },
  ],
  kbViews: [
    { article: "k1", visitor: "v1", viewedAt: "2026-03-10T08:00:00Z" },
    { article: "k2", visitor: "v1", viewedAt: "2026-03-10T08:01:00Z" },
    { article: "k1", visitor: "v2", viewedAt: "2026-03-10T09:00:00Z" },
    { article: "k1", visitor: "v3", viewedAt: TO },
  ],
  agentStatus: [
    { agent: "a1", status: "available", at: "2026-03-12T08:00:00Z" },
    { agent: "a1", status: "busy", at: "2026-03-12T10:00:00Z" },
    { agent: "b1", status: "available", at: "2026-03-12T09:00:00Z" },
    { agent: "a2", status: "available", at: "2026-03-12T13:00:00Z" },
  ],
};

function query(
  filters: Partial<KpiFilters> = {},
  window: { from: string; to: string } = { from: FROM, to: TO },
  grouping: KpiGrouping = NO_GROUPING,
): KpiQuery {
  return {
    from: new Date(window.from), to: new Date(window.to), timeZone: "UTC", now: NOW, serviceLevelSeconds: 20,
    filters: { ...NO_FILTERS, ...filters }, grouping,
  };
}

const groups = (entry: { groups?: { key: string | null; value: number | null }[] } | undefined) =>
  Object.fromEntries((entry?.groups ?? []).map((g) => [g.key ?? "null", g.value]));

async function store(db: TestDatabase, batch: IngestBatch) {
  const parsed = parseIngestBatch(JSON.parse(JSON.stringify(batch)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await ingestBatch(db.prisma, parsed.batch);
}

describeEachDatabase("KPI snapshot", ({ db }) => {
  const snapshot = async (q: KpiQuery, keys: readonly KpiKey[] = KPI_KEYS) => getKpiSnapshot(db().prisma, keys, q);

  describe("with no data", () => {
    test("rates, means and scores are null, never 0 or NaN; counts are 0", async () => {
      await clearRecords(db().prisma);
      const kpis = await snapshot(query());
      for (const key of ["first_response_time", "avg_resolution_time", "avg_reply_time", "fcr_rate", "touches_per_ticket", "reopen_rate",
        "aht", "asa", "abandonment_rate", "service_level", "csat", "nps", "ces", "enps", "kb_views_per_visitor"] as const) {
        expect(kpis.get(key)?.value, key).toBeNull();
      }
      for (const key of ["ticket_volume", "tickets_solved", "backlog", "calls_handled", "agents_available", "calls_waiting"] as const) {
        expect(kpis.get(key)?.value, key).toBe(0);
      }
      expect(kpis.get("longest_wait")?.value).toBe(0);
    });
  });

  describe("on the hand-computed fixture", () => {
    beforeAll(async () => {
      await clearRecords(db().prisma);
      await store(db(), FIXTURE);
    });

    test("ticket KPIs, with both window ends exclusive at `to` and inclusive at `from`", async () => {
      const k = await snapshot(query());
      expect(k.get("ticket_volume")).toMatchObject({ value: 3, n: 3 }); // T1, T2, T5
      expect(k.get("tickets_solved")).toMatchObject({ value: 2 }); // T1, T3; T2 resolved at `to`
      // FRT over T1 1800, T2 60, T3 43200: mean 15020, median 1800, p90 1800 + 0.8 * 41400.
      expect(k.get("first_response_time")).toMatchObject({ value: 15020, n: 3, median: 1800, p90: 34920 });
      // ART over T1 7200, T3 57600.
      expect(k.get("avg_resolution_time")).toMatchObject({ value: 32400, n: 2, median: 32400, p90: 52560 });
      // FCR: of T1, T2, T5 only T1 (T2 had two public replies; T1's private note is no touch).
      expect(k.get("fcr_rate")).toMatchObject({ numerator: 1, denominator: 3 });
      expect(k.get("fcr_rate")!.value).toBeCloseTo(100 / 3, 10);
      // Touches: T1 one public reply, T3 two -> 3 / 2.
      expect(k.get("touches_per_ticket")).toMatchObject({ value: 1.5, numerator: 3, denominator: 2 });
      expect(k.get("reopen_rate")).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
      // Backlog at `to`: T2 (resolved exactly at `to`) and T5.
      expect(k.get("backlog")).toMatchObject({ value: 2 });
    });

    test("a KPI asked for alone is the one of the whole set (the family skips only work it is not asked for)", async () => {
      const all = await snapshot(query());
      for (const key of ["fcr_rate", "touches_per_ticket", "ticket_volume", "backlog", "kb_views_per_visitor"] as const) {
        expect((await getKpiSnapshot(db().prisma, [key], { ...query(), rollups: {} })).get(key), key).toEqual(all.get(key));
      }
    });

    test("reply time: each public reply from the earliest customer message since the previous reply", async () => {
      // T1 1800; T2 60 and 300 (from 00:05, not 00:07); T3 43200 and 3600.
      const reply = (await snapshot(query(), ["avg_reply_time"])).get("avg_reply_time");
      expect(reply).toMatchObject({ value: 9792, n: 5, median: 1800 });
    });

    test("call KPIs: not offered, answered without queueing, abandoned, window ends", async () => {
      const k = await snapshot(query());
      expect(k.get("calls_handled")).toMatchObject({ value: 4 }); // C1, C2, C5, C8
      // Handle over answered calls C1 300, C2 120, C5 240, C7 600 (outbound), C8 50.
      expect(k.get("aht")).toMatchObject({ value: 262, n: 5, median: 240 });
      // Waits of C1 15, C2 0 (never queued), C5 30, C8 10.
      expect(k.get("asa")).toMatchObject({ value: 13.75, n: 4 });
      // Offered: C1, C2, C3, C5, C8 (C4 never reached the queue); abandoned: C3.
      expect(k.get("abandonment_rate")).toMatchObject({ value: 20, numerator: 1, denominator: 5 });
      // Within 20 s: C1, C2, C8.
      expect(k.get("service_level")).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
    });

    test("survey KPIs with their sample sizes and margins", async () => {
      const k = await snapshot(query());
      expect(k.get("csat")).toMatchObject({ value: 50, n: 4, numerator: 2, denominator: 4, details: { meanScore: 3.25 } });
      expect(k.get("csat")!.marginOfError).toBeGreaterThan(30); // four responses say little
      expect(k.get("ces")).toMatchObject({ value: 3, n: 2 });
      expect(k.get("enps")).toMatchObject({ value: 0, n: 2, details: { promoters: 50, passives: 0, detractors: 50 } });
      expect(k.get("nps")).toMatchObject({ value: null, n: 0 });
    });

    test("knowledge-base views per visitor", async () => {
      expect((await snapshot(query())).get("kb_views_per_visitor")).toMatchObject({ value: 1.5, numerator: 3, denominator: 2, distinct: "exact" });
      // From the sketch, three views of two visitors are still two.
      expect((await snapshot({ ...query(), exactDistinctUpTo: 0 })).get("kb_views_per_visitor")).toMatchObject({ value: 1.5, denominator: 2, distinct: "approximate" });
    });

    test("live KPIs describe now: latest status, waiting calls, stale ones ignored", async () => {
      const k = await snapshot(query());
      expect(k.get("agents_available")).toMatchObject({ value: 1 }); // b1; a1 is busy now, a2 only later
      expect(k.get("calls_waiting")).toMatchObject({ value: 2 }); // W1, W2
      expect(k.get("longest_wait")).toMatchObject({ value: 120 });
    });

    test("filters by team, agent, channel and queue, several values each", async () => {
      const teamA = await snapshot(query({ team: ["A"] }));
      expect(teamA.get("ticket_volume")!.value).toBe(2); // T1, T5
      expect(teamA.get("calls_handled")!.value).toBe(2); // C1, C5
      expect(teamA.get("csat")).toMatchObject({ value: 100, n: 2 });
      const both = await snapshot(query({ team: ["A", "B"] }));
      expect(both.get("ticket_volume")!.value).toBe(3);
      expect((await snapshot(query({ agent: ["b1"] }))).get("avg_reply_time")).toMatchObject({ n: 2, value: 180 });
      expect((await snapshot(query({ channel: ["chat"] }))).get("first_response_time")).toMatchObject({ value: 60, n: 1 });
      const q2 = await snapshot(query({ queue: ["q2"] }));
      expect(q2.get("calls_handled")!.value).toBe(2); // C2, C8
      expect(q2.get("calls_waiting")!.value).toBe(1); // W2
      // Tickets and knowledge-base views have no queue: no data for a queue filter.
      expect(q2.get("ticket_volume")!.value).toBe(0);
      expect(q2.get("kb_views_per_visitor")!.value).toBeNull();
      // An unknown team matches nothing rather than being ignored.
      expect((await snapshot(query({ team: ["nope"] }))).get("ticket_volume")!.value).toBe(0);
    });
  });

  describe("breakdowns and time buckets", () => {
    beforeAll(async () => {
      await clearRecords(db().prisma);
      await store(db(), FIXTURE);
    });

    test("by team: each group counts its own records and additive KPIs add up to the total", async () => {
      const k = await snapshot(query({}, undefined, { by: "team" }));
      expect(groups(k.get("ticket_volume"))).toEqual({ A: 2, B: 1 });
      expect(k.get("ticket_volume")!.groups!.find((g) => g.key === "A")!.label).toBe("Team A");
      expect(groups(k.get("backlog"))).toEqual({ A: 1, B: 1 });
      expect(groups(k.get("calls_handled"))).toEqual({ A: 2, B: 2 });
      // C3 (abandoned) has no team: it is offered in the group without one.
      expect(groups(k.get("abandonment_rate"))).toEqual({ A: 0, B: 0, null: 100 });
      expect(groups(k.get("csat"))).toEqual({ A: 100, B: 0 });
      expect(groups(k.get("agents_available"))).toEqual({ B: 1 });
    });

    test("by queue and by channel", async () => {
      const byQueue = await snapshot(query({}, undefined, { by: "queue" }));
      expect(groups(byQueue.get("calls_handled"))).toEqual({ q1: 2, q2: 2 });
      expect(groups(byQueue.get("calls_waiting"))).toEqual({ q1: 1, q2: 1 });
      const byChannel = await snapshot(query({}, undefined, { by: "channel" }));
      expect(groups(byChannel.get("ticket_volume"))).toEqual({ email: 2, chat: 1 });
      expect(byChannel.get("ticket_volume")!.groups!.find((g) => g.key === "chat")!.label).toBe("Chat");
    });

    test("daily buckets: every day in order, empty ones included; backlog at each day's end", async () => {
      const window = { from: "2026-03-08T00:00:00Z", to: "2026-03-12T00:00:00Z" };
      const buckets = timeBuckets({ from: new Date(window.from), to: new Date(window.to) }, "day", "UTC");
      const k = await snapshot(query({}, window, { by: "time", buckets }));
      const series = (key: KpiKey) => k.get(key)!.groups!.map((g) => [g.key, g.value]);
      expect(series("ticket_volume")).toEqual([
        ["2026-03-08T00:00:00Z", 0], ["2026-03-09T00:00:00Z", 1], ["2026-03-10T00:00:00Z", 3], ["2026-03-11T00:00:00Z", 1],
      ]);
      expect(series("tickets_solved").map(([, v]) => v)).toEqual([0, 0, 2, 1]);
      expect(series("backlog").map(([, v]) => v)).toEqual([0, 1, 2, 2]);
      expect(series("first_response_time").map(([, v]) => v)).toEqual([null, null, 15020, null]);
      // The sum of the buckets is the window's total.
      expect(k.get("ticket_volume")!.value).toBe(5);
      // Live KPIs have no time buckets.
      expect(k.get("calls_waiting")!.groups).toBeUndefined();
    });
  });

  test("the worked NPS example: 40 promoters, 30 passives, 30 detractors give 10", async () => {
    await clearRecords(db().prisma);
    const scores = [...Array(40).fill(9), ...Array(30).fill(7), ...Array(30).fill(3)];
    await store(db(), {
      surveys: scores.map((score, i) => ({ externalId: `n${i}`, kind: "nps", score, respondedAt: "2026-03-10T12:00:00Z" })),
    });
    const nps = (await snapshot(query(), ["nps"])).get("nps")!;
    expect(nps.value).toBeCloseTo(10, 10);
    expect(nps).toMatchObject({ n: 100, details: { promoters: 40, passives: 30, detractors: 30 } });
    expect(nps.marginOfError).toBeCloseTo(16.28, 1);
  });
});
