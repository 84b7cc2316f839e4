import { beforeAll, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { visibleTeams } from "./visible-teams";

describeEachDatabase("visible teams", ({ db }) => {
  beforeAll(async () => {
    await db().prisma.team.createMany({
      data: [{ externalId: "beta", name: "Beta" }, { externalId: "alpha", name: "Alpha" }, { externalId: "gamma", name: "Gamma" }],
    });
  });

  const names = (teams: { externalId: string }[] | null) => teams?.map((t) => t.externalId) ?? null;

  test("everyone's scope picks from every team, by name", async () => {
    expect(names(await visibleTeams(db().prisma, { kind: "all" }))).toEqual(["alpha", "beta", "gamma"]);
  });

  test("a team lead is offered only the teams they lead", async () => {
    expect(names(await visibleTeams(db().prisma, { kind: "teams", teams: ["gamma", "alpha"] }))).toEqual(["alpha", "gamma"]);
  });

  test("an agent or an unlinked account cannot choose a team", async () => {
    expect(await visibleTeams(db().prisma, { kind: "agent", agent: "a1", team: "alpha" })).toBeNull();
    expect(await visibleTeams(db().prisma, { kind: "none" })).toBeNull();
  });
});
