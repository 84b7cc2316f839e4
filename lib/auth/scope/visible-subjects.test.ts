import { beforeAll, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { visibleSubjects } from "./visible-subjects";

describeEachDatabase("visible subjects", ({ db }) => {
  beforeAll(async () => {
    const { prisma } = db();
    const [alpha, beta] = await Promise.all([
      prisma.team.create({ data: { externalId: "alpha", name: "Alpha" } }),
      prisma.team.create({ data: { externalId: "beta", name: "Beta" } }),
    ]);
    await prisma.agent.createMany({
      data: [
        { externalId: "a1", name: "A1", teamId: alpha.id },
        { externalId: "a2", name: "A2", teamId: alpha.id },
        { externalId: "b1", name: "B1", teamId: beta.id },
        { externalId: "loner", name: "Loner" },
      ],
    });
  });

  test("everyone's scope sees every row; an unlinked account none", async () => {
    const all = await visibleSubjects(db().prisma, { kind: "all" });
    const none = await visibleSubjects(db().prisma, { kind: "none" });
    expect([all("team", "beta"), all("agent", "b1"), all("agent", "unknown")]).toEqual([true, true, true]);
    expect([none("team", "alpha"), none("agent", "a1")]).toEqual([false, false]);
  });

  test("a team lead sees their teams and those teams' agents", async () => {
    const canSee = await visibleSubjects(db().prisma, { kind: "teams", teams: ["alpha"] });
    expect([canSee("team", "alpha"), canSee("agent", "a1"), canSee("agent", "a2")]).toEqual([true, true, true]);
    expect([canSee("team", "beta"), canSee("agent", "b1"), canSee("agent", "loner")]).toEqual([false, false, false]);
  });

  test("an agent sees their team and team-mates; without a team, only themselves", async () => {
    const inTeam = await visibleSubjects(db().prisma, { kind: "agent", agent: "a1", team: "alpha" });
    expect([inTeam("team", "alpha"), inTeam("agent", "a1"), inTeam("agent", "a2")]).toEqual([true, true, true]);
    expect([inTeam("team", "beta"), inTeam("agent", "b1")]).toEqual([false, false]);
    const alone = await visibleSubjects(db().prisma, { kind: "agent", agent: "loner", team: null });
    expect([alone("agent", "loner"), alone("agent", "a1"), alone("team", "alpha")]).toEqual([true, false, false]);
  });
});
