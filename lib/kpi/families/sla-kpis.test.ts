import { beforeAll, expect, test } from "vitest";

import { ALWAYS_OPEN, OFFICE_HOURS } from "@/lib/business-hours/schedule";
import { saveSchedule } from "@/lib/business-hours/save-schedule";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch, type IngestBatch } from "@/lib/ingest/record-schemas";
import { listAtRiskTickets } from "@/lib/sla/at-risk-tickets";
import { saveSlaPolicies } from "@/lib/sla/sla-policies";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getKpiSnapshot } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "../kpi-query";

// Business hours and SLA achievement against hand-computed expectations. The organisation works
// Monday to Friday 09:00-17:00 UTC; team B has its own hours, weekends 10:00-14:00 only.
// 2026-11-23 is a Monday. Policies: urgent FR 1 h calendar, resolution 4 h business; high FR 2 h
// business, resolution 8 h business; normal FR 4 h business, no resolution target; low none.

const H = 3600;
const t = (day: number, time: string) => `2026-11-${String(day).padStart(2, "0")}T${time}:00Z`;

const FIXTURE: IngestBatch = {
  teams: [{ externalId: "A", name: "Team A" }, { externalId: "B", name: "Team B" }],
  tickets: [
    // FR 45 min calendar: met. Resolution 09:00-12:00 = 3 h business: met. Business FRT 0 (before opening).
    { externalId: "U1", channel: "email", priority: "urgent", team: "A", status: "solved", createdAt: t(23, "08:00"), firstResponseAt: t(23, "08:45"), resolvedAt: t(23, "12:00") },
    // FR 90 min calendar: missed. Resolution 1 h Monday + 2.5 h Tuesday = 3.5 h: met (19.5 h on the calendar).
    { externalId: "U2", channel: "email", priority: "urgent", team: "A", status: "solved", createdAt: t(23, "16:00"), firstResponseAt: t(23, "17:30"), resolvedAt: t(24, "11:30") },
    // FR Friday 1 h + Monday 1 h = 2 h: met (at the target exactly). Resolution 1 h + 8 h = 9 h: missed.
    { externalId: "H1", channel: "chat", priority: "high", team: "A", status: "solved", createdAt: t(27, "16:00"), firstResponseAt: t(30, "10:00"), resolvedAt: t(30, "18:00") },
    // FR 2.5 h: missed. Resolution 6 h: met.
    { externalId: "H2", channel: "chat", priority: "high", team: "A", status: "solved", createdAt: t(24, "09:00"), firstResponseAt: t(24, "11:30"), resolvedAt: t(24, "15:00") },
    // FR 3 h 59 min: met. No resolution target. Resolution 8 h business.
    { externalId: "N1", channel: "email", priority: "normal", team: "A", status: "solved", createdAt: t(25, "08:00"), firstResponseAt: t(25, "12:59"), resolvedAt: t(25, "20:00") },
    // FR 7 h Wednesday + 1 h Thursday = 8 h: missed. Still open.
    { externalId: "N2", channel: "email", priority: "normal", team: "A", status: "open", createdAt: t(25, "10:00"), firstResponseAt: t(26, "10:00") },
    // No policy for low: outside both SLA KPIs. FRT 5 min, resolution 1 h.
    { externalId: "L1", channel: "email", priority: "low", team: "A", status: "solved", createdAt: t(25, "10:00"), firstResponseAt: t(25, "10:05"), resolvedAt: t(25, "11:00") },
    // Team B's own hours: FR Saturday 4 h + Sunday 1 h = 5 h: missed (0 h under the organisation's).
    // Resolution 4 h + 3 h = 7 h: met.
    { externalId: "B1", channel: "web", priority: "high", team: "B", status: "solved", createdAt: t(28, "10:00"), firstResponseAt: t(29, "11:00"), resolvedAt: t(29, "13:00") },
    // Open and waiting, seen at Monday 30th 16:00: urgent due 16:30 (calendar); high due 11:00 (breached);
    // normal due Tuesday 10:00 (business); low has no target; a solved ticket is not waiting.
    { externalId: "O1", channel: "phone", priority: "urgent", team: "A", status: "new", createdAt: t(30, "15:30"), subject: "Card blocked" },
    { externalId: "O2", channel: "email", priority: "high", team: "A", status: "open", createdAt: t(30, "09:00"), subject: "Wrong fee" },
    { externalId: "O3", channel: "email", priority: "normal", team: "A", status: "new", createdAt: t(30, "14:00") },
    { externalId: "O4", channel: "email", priority: "low", team: "A", status: "new", createdAt: t(30, "09:00") },
    { externalId: "O5", channel: "email", priority: "urgent", team: "A", status: "solved", createdAt: t(30, "09:00") },
  ],
  messages: [
    // One reply: 16:30-17:00 Wednesday + 09:00-09:30 Thursday = 1 h business; 17 h on the calendar.
    { externalId: "m1", ticket: "N2", author: "customer", createdAt: t(25, "16:30") },
    { externalId: "m2", ticket: "N2", author: "agent", createdAt: t(26, "09:30") },
  ],
};

describeEachDatabase("SLA and business-time KPIs", ({ db }) => {
  beforeAll(async () => {
    const prisma = db().prisma;
    const parsed = parseIngestBatch(JSON.parse(JSON.stringify(FIXTURE)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await ingestBatch(prisma, parsed.batch);
    await saveSchedule(prisma, { kind: "org" }, { timeZone: "UTC", weeklyHours: OFFICE_HOURS, holidays: [] });
    const weekends = Object.fromEntries(Object.keys(ALWAYS_OPEN).map((d) => [d, Number(d) >= 6 ? [["10:00", "14:00"]] : []]));
    await saveSchedule(prisma, { kind: "team", team: "B" }, { timeZone: "UTC", weeklyHours: weekends as typeof OFFICE_HOURS, holidays: [] });
    await saveSlaPolicies(prisma, [
      { priority: "urgent", firstResponseSeconds: 1 * H, firstResponseHours: "calendar", resolutionSeconds: 4 * H, resolutionHours: "business" },
      { priority: "high", firstResponseSeconds: 2 * H, firstResponseHours: "business", resolutionSeconds: 8 * H, resolutionHours: "business" },
      { priority: "normal", firstResponseSeconds: 4 * H, firstResponseHours: "business", resolutionSeconds: null, resolutionHours: "business" },
    ]);
  }, 60_000);

  const query = (grouping: KpiGrouping = NO_GROUPING, hours: KpiQuery["hours"] = "calendar"): KpiQuery => ({
    from: new Date(t(23, "00:00")), to: new Date("2026-12-01T00:00:00Z"), timeZone: "UTC", now: new Date(t(30, "16:00")),
    serviceLevelSeconds: 20, filters: NO_FILTERS, grouping, hours,
  });
  const groups = (entry: { groups?: { key: string | null; value: number | null }[] } | undefined) =>
    Object.fromEntries((entry?.groups ?? []).map((g) => [g.key ?? "null", g.value]));

  test("SLA achievement overall: 3 of 7 first responses and 4 of 5 resolutions met", async () => {
    const kpis = await getKpiSnapshot(db().prisma, ["sla_first_response", "sla_resolution"], query());
    expect(kpis.get("sla_first_response")).toMatchObject({ value: (3 / 7) * 100, numerator: 3, denominator: 7, n: 7 });
    expect(kpis.get("sla_resolution")).toMatchObject({ value: 80, numerator: 4, denominator: 5, n: 5 });
    expect(kpis.get("sla_resolution")?.marginOfError).toBeGreaterThan(0);
  });

  test("SLA achievement per priority and per team", async () => {
    const byPriority = await getKpiSnapshot(db().prisma, ["sla_first_response", "sla_resolution"], query({ by: "priority" }));
    expect(groups(byPriority.get("sla_first_response"))).toEqual({ urgent: 50, high: (1 / 3) * 100, normal: 50 });
    expect(groups(byPriority.get("sla_resolution"))).toEqual({ urgent: 100, high: (2 / 3) * 100 });
    const byTeam = await getKpiSnapshot(db().prisma, ["sla_first_response"], query({ by: "team" }));
    expect(groups(byTeam.get("sla_first_response"))).toEqual({ A: 50, B: 0 });
  });

  test("the SLA does not depend on the hours asked for: each policy has its own clock", async () => {
    const business = await getKpiSnapshot(db().prisma, ["sla_first_response", "sla_resolution"], query(NO_GROUPING, "business"));
    expect(business.get("sla_first_response")?.value).toBe((3 / 7) * 100);
    expect(business.get("sla_resolution")?.value).toBe(80);
  });

  test("durations in business hours, with team hours where a team has them, and on the calendar", async () => {
    const keys = ["first_response_time", "avg_resolution_time", "avg_reply_time"] as const;
    const business = await getKpiSnapshot(db().prisma, keys, query(NO_GROUPING, "business"));
    expect(business.get("first_response_time")?.value).toBeCloseTo((0 + 3600 + 7200 + 9000 + 14340 + 28800 + 300 + 18000) / 8, 6);
    expect(business.get("avg_resolution_time")?.value).toBeCloseTo((10800 + 12600 + 32400 + 21600 + 28800 + 3600 + 25200) / 7, 6);
    expect(business.get("avg_reply_time")?.value).toBeCloseTo(3600, 6);
    const calendar = await getKpiSnapshot(db().prisma, keys, query());
    expect(calendar.get("first_response_time")?.value).toBeCloseTo((2700 + 5400 + 237600 + 9000 + 17940 + 86400 + 300 + 90000) / 8, 6);
    expect(calendar.get("avg_reply_time")?.value).toBeCloseTo(17 * H, 6);
  });

  test("the at-risk list: the next breaches within the horizon first, then the breached", async () => {
    const now = new Date(t(30, "16:00"));
    const hour = await listAtRiskTickets(db().prisma, { filters: NO_FILTERS, now, horizonSeconds: H, limit: 10 });
    expect(hour.tickets.map((x) => [x.externalId, x.secondsLeft])).toEqual([["O1", 1800], ["O2", -5 * H]]);
    expect(hour).toMatchObject({ breached: 1, atRisk: 1 });
    expect(hour.tickets[1]).toMatchObject({ subject: "Wrong fee", priority: "high", team: "Team A", dueAt: "2026-11-30T11:00:00.000Z" });
    const day = await listAtRiskTickets(db().prisma, { filters: NO_FILTERS, now, horizonSeconds: 24 * H, limit: 10 });
    expect(day.tickets.map((x) => [x.externalId, x.secondsLeft])).toEqual([["O1", 1800], ["O3", 18 * H], ["O2", -5 * H]]);
    const otherTeam = await listAtRiskTickets(db().prisma, { filters: { ...NO_FILTERS, team: ["B"] }, now, horizonSeconds: 24 * H, limit: 10 });
    expect(otherTeam).toEqual({ tickets: [], breached: 0, atRisk: 0 });
  });
});
