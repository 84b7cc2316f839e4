import { beforeAll, expect, test } from "vitest";

import type { Principal, SessionUser } from "@/lib/auth/access";
import { NO_FILTERS } from "@/lib/kpi/kpi-query";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { narrowFilters } from "./narrow-filters";
import { scopeOf } from "./scope-of";

const user = (role: SessionUser["role"], extra: Partial<SessionUser> = {}): Principal => ({
  kind: "user",
  user: { id: 1, email: "u@example.com", name: "U", role, agent: null, teams: [], ...extra },
});

describeEachDatabase("narrowing filters to a scope", ({ db }) => {
  beforeAll(async () => {
    const { prisma } = db();
    const [alpha, beta] = await Promise.all([
      prisma.team.create({ data: { externalId: "alpha", name: "Alpha" } }),
      prisma.team.create({ data: { externalId: "beta", name: "Beta" } }),
    ]);
    await prisma.agent.createMany({ data: [{ externalId: "a1", name: "A1", teamId: alpha.id }, { externalId: "b1", name: "B1", teamId: beta.id }] });
  });

  const lead = scopeOf(user("team_lead", { teams: [{ id: 1, externalId: "alpha", name: "Alpha" }] }));
  const agent = scopeOf(user("agent", { agent: { id: 1, externalId: "a1", name: "A1", team: "alpha" } }));

  test("a team lead without filters gets their teams; their own team and agents pass", async () => {
    const { prisma } = db();
    expect(await narrowFilters(prisma, lead, NO_FILTERS)).toEqual({ ok: true, filters: { ...NO_FILTERS, team: ["alpha"] } });
    expect(await narrowFilters(prisma, lead, { ...NO_FILTERS, agent: ["a1"] })).toEqual({ ok: true, filters: { ...NO_FILTERS, team: ["alpha"], agent: ["a1"] } });
    expect(await narrowFilters(prisma, lead, { ...NO_FILTERS, channel: ["email"] })).toMatchObject({ ok: true, filters: { team: ["alpha"], channel: ["email"] } });
  });

  test("another team, an unknown team or another team's agent is refused with the same words", async () => {
    const { prisma } = db();
    const other = await narrowFilters(prisma, lead, { ...NO_FILTERS, team: ["beta"] });
    const unknown = await narrowFilters(prisma, lead, { ...NO_FILTERS, team: ["nope"] });
    expect(other).toEqual({ ok: false, parameter: "team", message: "you can only see the teams you lead" });
    expect(unknown).toEqual(other);
    expect(await narrowFilters(prisma, lead, { ...NO_FILTERS, team: ["alpha", "beta"] })).toMatchObject({ ok: false, parameter: "team" });
    expect(await narrowFilters(prisma, lead, { ...NO_FILTERS, agent: ["b1"] })).toMatchObject({ ok: false, parameter: "agent" });
    expect(await narrowFilters(prisma, lead, { ...NO_FILTERS, agent: ["a1", "b1"] })).toMatchObject({ ok: false, parameter: "agent" });
  });

  test("an agent reads only their own numbers", async () => {
    const { prisma } = db();
    expect(await narrowFilters(prisma, agent, NO_FILTERS)).toEqual({ ok: true, filters: { ...NO_FILTERS, agent: ["a1"] } });
    expect(await narrowFilters(prisma, agent, { ...NO_FILTERS, agent: ["a1"] })).toMatchObject({ ok: true });
    expect(await narrowFilters(prisma, agent, { ...NO_FILTERS, agent: ["b1"] })).toMatchObject({ ok: false, parameter: "agent" });
    expect(await narrowFilters(prisma, agent, { ...NO_FILTERS, team: ["alpha"] })).toMatchObject({ ok: false, parameter: "team" });
  });
});
