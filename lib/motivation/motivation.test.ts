import { beforeAll, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch, type IngestBatch } from "@/lib/ingest/record-schemas";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { updateOrgSettings } from "@/lib/org/update-org-settings";
import { describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";

import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";

import { createAchievement, evaluateAchievements, recentAwards } from "./achievements";
import { competitionStanding, createCompetition, evaluateCompetitions } from "./competitions";
import { listNotifications } from "./notifications";

// The organisation is in New York: 10 March 2026 local runs from 04:00Z to 04:00Z the next day
// (the first day after the DST change).
const TZ = "America/New_York";

async function store(db: TestDatabase, batch: IngestBatch) {
  const parsed = parseIngestBatch(JSON.parse(JSON.stringify(batch)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await ingestBatch(db.prisma, parsed.batch);
}

const solved = (id: string, agent: string, resolvedAt: string, firstResponseAt = resolvedAt) => ({
  externalId: id, channel: "email" as const, team: "A", assignee: agent, status: "solved" as const,
  createdAt: "2026-03-09T12:00:00Z", firstResponseAt, resolvedAt,
});

const ROSTER: IngestBatch = {
  teams: [{ externalId: "A", name: "Alpha" }],
  agents: [{ externalId: "a1", name: "Ann Lee", team: "A" }, { externalId: "a2", name: "Bo Ng", team: "A" }],
};

describeEachDatabase("achievements", ({ db }) => {
  beforeAll(async () => {
    await updateOrgSettings(db().prisma, { timeZone: TZ });
    await store(db(), {
      ...ROSTER,
      tickets: [
        // Ann: two on 9 March local (one at 23:30 local = 03:30Z on the 10th), three on 10 March local.
        solved("T1", "a1", "2026-03-09T20:00:00Z"), solved("T2", "a1", "2026-03-10T03:30:00Z"),
        solved("T3", "a1", "2026-03-10T13:00:00Z"), solved("T4", "a1", "2026-03-10T14:00:00Z"), solved("T5", "a1", "2026-03-10T15:00:00Z"),
        // Bo: two on 10 March.
        solved("T6", "a2", "2026-03-10T13:00:00Z"), solved("T7", "a2", "2026-03-10T14:00:00Z"),
      ],
      surveys: [1, 2, 3].map((i) => ({ externalId: `S${i}`, kind: "csat", score: 5, agent: "a2", respondedAt: "2026-03-10T15:00:00Z" })),
    });
    await createAchievement(db().prisma, { name: "Three solved in a day", kpiKey: "tickets_solved", scope: "agent", period: "day", threshold: 3, minSample: 0 });
    await createAchievement(db().prisma, { name: "Delighted customers", kpiKey: "csat", scope: "agent", period: "day", threshold: 90, minSample: 0 });
  });

  const evaluate = async (now: string) => evaluateAchievements(db().prisma, await getOrgSettings(db().prisma), new Date(now));

  test("a day is the organisation's local day; the award is stored with its value and notified", async () => {
    const awards = await evaluate("2026-03-10T20:00:00Z");
    expect(awards.map((a) => [a.achievement, a.subject, a.value])).toEqual([["Three solved in a day", "a1", 3]]);
    const row = await db().prisma.achievementAward.findFirstOrThrow({ where: { subject: "a1" } });
    expect(row.periodStart.toISOString()).toBe("2026-03-10T04:00:00.000Z");
    const ann = await db().prisma.agent.findUniqueOrThrow({ where: { externalId: "a1" } });
    expect((await listNotifications(db().prisma, { userId: null, agentId: ann.id })).items[0]!.text).toBe("Achievement unlocked: Three solved in a day (3)");
  });

  test("exactly once: evaluating again, re-ingesting the same records, or evaluating concurrently awards nothing more", async () => {
    expect(await evaluate("2026-03-10T21:00:00Z")).toEqual([]);
    await store(db(), { tickets: [solved("T3", "a1", "2026-03-10T13:00:00Z"), solved("T4", "a1", "2026-03-10T14:00:00Z")] });
    const concurrent = await Promise.all([evaluate("2026-03-10T22:00:00Z"), evaluate("2026-03-10T22:00:00Z")]);
    expect(concurrent.flat()).toEqual([]);
    expect(await db().prisma.achievementAward.count()).toBe(1);
  });

  test("no award from too small a sample: three perfect CSAT responses are fewer than the minimum of 10", async () => {
    expect((await db().prisma.achievementAward.findMany({ where: { achievement: { name: "Delighted customers" } } })).length).toBe(0);
  });

  test("a lower-is-better achievement is awarded only when its period is complete", async () => {
    // Bo answers a chat in one minute on 11 March: met while the day runs, awarded once it is over.
    await store(db(), {
      tickets: [
        { externalId: "F1", channel: "chat", team: "A", assignee: "a2", status: "solved", createdAt: "2026-03-11T14:00:00Z", firstResponseAt: "2026-03-11T14:01:00Z", resolvedAt: "2026-03-11T14:30:00Z" },
      ],
    });
    await createAchievement(db().prisma, { name: "Lightning replies", kpiKey: "first_response_time", scope: "agent", period: "day", threshold: 300, minSample: 1 });
    expect((await evaluate("2026-03-11T20:00:00Z")).map((a) => a.achievement)).not.toContain("Lightning replies");
    const next = await evaluate("2026-03-12T05:00:00Z");
    expect(next.map((a) => [a.achievement, a.subject, a.value])).toContainEqual(["Lightning replies", "a2", 60]);
  });

  test("an achievement on a custom KPI is computed through the snapshot with the version in force at its period's start", async () => {
    const prisma = db().prisma;
    const { key } = await saveCustomKpi(prisma, { name: "Email solved", unit: "count", direction: "higher", formula: "count(tickets by solved where channel = email)" }, { now: new Date("2026-03-01T00:00:00Z") });
    // Edited during 10 March: that day is still judged by the email count (Ann solved three), 11 March by the chat one (Bo, one).
    await saveCustomKpi(prisma, { name: "Chat solved", unit: "count", direction: "higher", formula: "count(tickets by solved where channel = chat)" }, { key, now: new Date("2026-03-10T12:00:00Z") });
    await createAchievement(prisma, { name: "Three by email", kpiKey: key as `custom_${string}`, scope: "agent", period: "day", threshold: 3, minSample: 0 });
    const awards = await evaluate("2026-03-11T20:00:00Z");
    expect(awards.map((a) => [a.achievement, a.kpi, a.subject, a.value, a.formatted])).toEqual([["Three by email", key, "a1", 3, "3"]]);
    const row = await prisma.achievementAward.findFirstOrThrow({ where: { achievement: { name: "Three by email" } } });
    expect(row.periodStart.toISOString()).toBe("2026-03-10T04:00:00.000Z");
    expect((await recentAwards(prisma, () => true, { limit: 10 })).find((a) => a.achievement === "Three by email")).toMatchObject({ kpi: key, formatted: "3" });
  });
});

describeEachDatabase("competitions", ({ db }) => {
  beforeAll(async () => {
    await updateOrgSettings(db().prisma, { timeZone: TZ });
    await store(db(), { ...ROSTER, tickets: [solved("C1", "a1", "2026-03-10T13:00:00Z"), solved("C2", "a2", "2026-03-10T13:10:00Z"), solved("C3", "a2", "2026-03-10T13:20:00Z")] });
  });

  test("a live standing, rank changes told to the agents, and a final standing frozen at the end", async () => {
    const prisma = db().prisma;
    const org = await getOrgSettings(prisma);
    const c = await createCompetition(prisma, {
      name: "Sprint", kpiKey: "tickets_solved", firstDay: "2026-03-10", lastDay: "2026-03-10", participantKind: "agent", participants: ["a1", "a2"], goal: 4,
    }, TZ);
    expect(c.startsAt.toISOString()).toBe("2026-03-10T04:00:00.000Z");
    expect(c.endsAt.toISOString()).toBe("2026-03-11T04:00:00.000Z");

    const live = await competitionStanding(prisma, c, org, new Date("2026-03-10T18:00:00Z"));
    expect(live.status).toBe("running");
    expect(live.rows.map((r) => [r.key, r.rank, r.value, r.progress])).toEqual([["a2", 1, 2, 0.5], ["a1", 2, 1, 0.25]]);

    await evaluateCompetitions(prisma, org, new Date("2026-03-10T18:00:00Z"));
    await store(db(), { tickets: [solved("C4", "a1", "2026-03-10T19:00:00Z"), solved("C5", "a1", "2026-03-10T19:10:00Z")] });
    await evaluateCompetitions(prisma, org, new Date("2026-03-10T20:00:00Z"));
    const ann = await prisma.agent.findUniqueOrThrow({ where: { externalId: "a1" } });
    const bo = await prisma.agent.findUniqueOrThrow({ where: { externalId: "a2" } });
    expect((await listNotifications(prisma, { userId: null, agentId: ann.id })).items.map((n) => n.text)).toEqual(["You moved up to #1 in Sprint"]);
    expect((await listNotifications(prisma, { userId: null, agentId: bo.id })).items.map((n) => n.text)).toEqual(["You moved down to #2 in Sprint"]);

    const final = await competitionStanding(prisma, (await prisma.competition.findUniqueOrThrow({ where: { id: c.id } })), org, new Date("2026-03-11T06:00:00Z"));
    expect(final.status).toBe("ended");
    expect(final.frozenAt).toBe("2026-03-11T06:00:00.000Z");
    expect(final.rows.map((r) => [r.key, r.value])).toEqual([["a1", 3], ["a2", 2]]);
    // Late data for the competition's day does not change a frozen standing.
    await store(db(), { tickets: [solved("C6", "a2", "2026-03-10T21:00:00Z"), solved("C7", "a2", "2026-03-10T21:10:00Z")] });
    const later = await competitionStanding(prisma, (await prisma.competition.findUniqueOrThrow({ where: { id: c.id } })), org, new Date("2026-03-12T06:00:00Z"));
    expect(later.rows.map((r) => [r.key, r.value])).toEqual([["a1", 3], ["a2", 2]]);
  });

  test("a competition on a custom KPI computes the version in force at its start, whatever is saved during it", async () => {
    const prisma = db().prisma;
    const org = await getOrgSettings(prisma);
    const { key } = await saveCustomKpi(prisma, { name: "Email solved", unit: "count", direction: "higher", formula: "count(tickets by solved where channel = email)" }, { now: new Date("2026-03-01T00:00:00Z") });
    await saveCustomKpi(prisma, { name: "Chat solved", unit: "count", direction: "higher", formula: "count(tickets by solved where channel = chat)" }, { key, now: new Date("2026-03-10T12:00:00Z") });
    const c = await createCompetition(prisma, {
      name: "Email sprint", kpiKey: key as `custom_${string}`, firstDay: "2026-03-10", lastDay: "2026-03-10", participantKind: "agent", participants: ["a1", "a2"], goal: 6,
    }, TZ);
    const live = await competitionStanding(prisma, c, org, new Date("2026-03-10T20:30:00Z"));
    expect(live).toMatchObject({ kpi: key, fact: { name: "Email solved", version: 1 }, unit: "count", minSample: 0 });
    expect(live.rows.map((r) => [r.key, r.rank, r.value, r.progress])).toEqual([["a1", 1, 3, 0.5], ["a2", 2, 2, 2 / 6]]);
  });
});
