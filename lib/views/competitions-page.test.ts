import { beforeAll, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";
import { parseIngestBatch, type IngestBatch } from "@/lib/ingest/record-schemas";
import { createAchievement } from "@/lib/motivation/achievements";
import { createCompetition } from "@/lib/motivation/competitions";
import { describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";
import { userContext } from "@/lib/testing/user-context";

import { competitionPage } from "./competition-page";
import { competitionsPage } from "./competitions-page";

async function store(db: TestDatabase, batch: IngestBatch) {
  const parsed = parseIngestBatch(JSON.parse(JSON.stringify(batch)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await ingestBatch(db.prisma, parsed.batch);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const lead = { id: 1, externalId: "alpha", name: "Alpha" };

describeEachDatabase("the competitions pages", ({ db }) => {
  let running = 0;

  beforeAll(async () => {
    const solvedAt = new Date(Date.now() - 60_000).toISOString();
    const solved = (id: string, team: string, assignee: string) => ({
      externalId: id, channel: "email" as const, team, assignee, status: "solved" as const, createdAt: solvedAt, firstResponseAt: solvedAt, resolvedAt: solvedAt,
    });
    await store(db(), {
      teams: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }],
      agents: [{ externalId: "a1", name: "Ann", team: "alpha" }, { externalId: "b1", name: "Bo", team: "beta" }],
      tickets: [solved("T1", "alpha", "a1"), solved("T2", "alpha", "a1"), solved("T3", "beta", "b1")],
    });
    const { prisma } = db();
    const base = { kpiKey: "tickets_solved" as const, participantKind: "team" as const, participants: ["alpha", "beta"] };
    running = (await createCompetition(prisma, { ...base, name: "Sprint", firstDay: day(-1), lastDay: day(1), prize: "Cake" }, "UTC")).id;
    await createCompetition(prisma, { ...base, name: "Next month", firstDay: day(30), lastDay: day(40) }, "UTC");
    await createAchievement(prisma, { name: "Busy day", kpiKey: "tickets_solved", scope: "agent", period: "day", threshold: 10, minSample: 0 });
  });

  test("groups competitions by status with their leader; a manager sees every name and may manage", async () => {
    const view = await competitionsPage(userContext(db().prisma, "manager"));
    expect(view.canManage).toBe(true);
    expect(view.groups.map((g) => [g.title, g.items.map((c) => [c.name, c.kpi, c.leader, c.prize])])).toEqual([
      ["Running", [["Sprint", "Tickets solved", "Alpha (2)", "Cake"]]],
      ["Upcoming", [["Next month", "Tickets solved", null, null]]],
      ["Finished", []],
    ]);
    expect(view.achievements).toEqual([{ id: expect.any(Number), name: "Busy day", condition: "An agent's tickets solved ≥ 10 in a day", awards: 0 }]);
    expect(view.form.teams).toEqual([{ value: "alpha", label: "Alpha" }, { value: "beta", label: "Beta" }]);
    expect(view.form.agents).toEqual([{ value: "a1", label: "Ann", team: "Alpha" }, { value: "b1", label: "Bo", team: "Beta" }]);
    expect(view.form.kpis.map((k) => k.value)).toContain("tickets_solved");
    expect(view.form.today).toBe(day(0));
  });

  test("a team lead sees their own team's standing and no other team's name or number", async () => {
    const ownTeam = await competitionsPage(userContext(db().prisma, "team_lead", { teams: [lead] }));
    expect(ownTeam.canManage).toBe(false);
    expect(ownTeam.groups[0]!.items[0]!.leader).toBe("Alpha (2)");
    const otherTeam = await competitionsPage(userContext(db().prisma, "team_lead", { teams: [{ id: 2, externalId: "beta", name: "Beta" }] }));
    expect(otherTeam.groups[0]!.items[0]!.leader).toBe("Another team (—)");

    const page = await competitionPage(userContext(db().prisma, "team_lead", { teams: [lead] }), running);
    expect(page?.canDelete).toBe(false);
    expect(page?.kpiName).toBe("Tickets solved");
    expect(page?.standing.rows.map((r) => [r.rank, r.label, r.value])).toEqual([
      [1, "Alpha", 2],
      [2, "Another team", null],
    ]);
  });

  test("an achievement on a custom KPI is listed in its words; the form offers the custom KPIs", async () => {
    const { prisma } = db();
    const { key } = await saveCustomKpi(prisma, { name: "Email solved", unit: "count", direction: "higher", formula: "count(tickets by solved where channel = email)" });
    await createAchievement(prisma, { name: "Email day", kpiKey: key as `custom_${string}`, scope: "team", period: "week", threshold: 3, minSample: 0 });
    try {
      const view = await competitionsPage(userContext(prisma, "manager"));
      expect(view.achievements.find((a) => a.name === "Email day")?.condition).toBe("A team's email solved ≥ 3 in a week");
      expect(view.form.kpis).toContainEqual({ value: key, label: "Email solved (custom)", duration: false });
    } finally {
      await prisma.achievement.deleteMany({ where: { name: "Email day" } });
    }
  });

  test("an unknown competition has no page", async () => {
    expect(await competitionPage(userContext(db().prisma, "manager"), 999_999)).toBeNull();
  });
});
