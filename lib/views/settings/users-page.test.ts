import { beforeAll, expect, test } from "vitest";

import { createUser } from "@/lib/auth/users";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { userContext } from "@/lib/testing/user-context";

import { userPage } from "./user-page";
import { usersPage } from "./users-page";

describeEachDatabase("the users settings pages", ({ db }) => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { prisma } = db();
    const beta = await prisma.team.create({ data: { externalId: "beta", name: "Beta" } });
    await prisma.team.create({ data: { externalId: "alpha", name: "Alpha" } });
    await prisma.agent.create({ data: { externalId: "a1", name: "Ann", email: "ann@example.com", teamId: beta.id } });
    await prisma.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone: "Europe/Berlin" }, update: { timeZone: "Europe/Berlin" } });
    const password = "long-enough";
    ids.admin = (await createUser(prisma, { email: "admin@example.com", name: "Ada", password, role: "admin" })).id;
    ids.lead = (await createUser(prisma, { email: "lead@example.com", name: "Lee", password, role: "team_lead", teams: ["beta"] })).id;
    ids.agent = (await createUser(prisma, { email: "ann@example.com", name: "Ann", password, role: "agent", agent: "a1" })).id;
  });

  test("lists each user with their role and scope, and offers teams and agents by name", async () => {
    const view = await usersPage(userContext(db().prisma, "admin"));
    expect(view.timeZone).toBe("Europe/Berlin");
    expect(view.users.map(({ email, role, scope, lastLoginAt }) => ({ email, role, scope, lastLoginAt }))).toEqual([
      { email: "admin@example.com", role: "Admin", scope: "Everything", lastLoginAt: null },
      { email: "lead@example.com", role: "Team lead", scope: "Beta", lastLoginAt: null },
      { email: "ann@example.com", role: "Agent", scope: "Ann", lastLoginAt: null },
    ]);
    // Only what the form shows reaches the browser: no agent emails, no database ids.
    expect(view.teams).toEqual([{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }]);
    expect(view.agents).toEqual([{ externalId: "a1", name: "Ann" }]);
    expect(view.roles.map((r) => r.label)).toEqual(["Admin", "Manager", "Team lead", "Agent"]);
  });

  test("a user's page fills the form with their membership; only someone else's account can be deleted", async () => {
    const me = userContext(db().prisma, "admin", { id: ids.admin });
    const lead = await userPage(me, ids.lead!);
    expect(lead?.user).toEqual({ id: ids.lead, email: "lead@example.com", name: "Lee", role: "team_lead", teams: ["beta"], agent: null });
    expect(lead?.deletable).toBe(true);
    expect((await userPage(me, ids.agent!))?.user.agent).toBe("a1");
    expect((await userPage(me, ids.admin!))?.deletable).toBe(false);
    expect(await userPage(me, 999_999)).toBeNull();
  });
});
