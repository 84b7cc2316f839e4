import { beforeAll, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";
import { userContext } from "@/lib/testing/user-context";

import { createUser, deleteUser, removeUser, updateUser, UserInputError } from "./users";

describeEachDatabase("users", ({ db }) => {
  beforeAll(async () => {
    const { prisma } = db();
    await prisma.team.createMany({ data: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }] });
    await prisma.agent.create({ data: { externalId: "a1", name: "Ann" } });
  });

  const fieldOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    return (error as UserInputError).field;
  };

  test("a user gets an argon2id credential, a lower-case email and the name from the email", async () => {
    const { prisma } = db();
    const { id } = await createUser(prisma, { email: "Pat.Smith@Example.com", password: "long-enough", role: "manager" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id }, include: { accounts: true } });
    expect(user).toMatchObject({ email: "pat.smith@example.com", name: "pat.smith", role: "manager" });
    expect(user.accounts).toHaveLength(1);
    expect(user.accounts[0]).toMatchObject({ providerId: "credential", accountId: String(id) });
    expect(user.accounts[0]!.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test("bad input names its field and stores nothing", async () => {
    const { prisma } = db();
    const before = await prisma.user.count();
    await expect(createUser(prisma, { email: "x@example.com", password: "short", role: "admin" })).rejects.toThrow(/at least 8/);
    expect(await fieldOf(createUser(prisma, { email: "lead@example.com", password: "long-enough", role: "team_lead" }))).toBe("teams");
    expect(await fieldOf(createUser(prisma, { email: "lead@example.com", password: "long-enough", role: "team_lead", teams: ["alpha", "nope"] }))).toBe("teams");
    expect(await fieldOf(createUser(prisma, { email: "agent@example.com", password: "long-enough", role: "agent" }))).toBe("agent");
    expect(await fieldOf(createUser(prisma, { email: "agent@example.com", password: "long-enough", role: "agent", agent: "zz" }))).toBe("agent");
    await createUser(prisma, { email: "dup@example.com", password: "long-enough", role: "agent", agent: "a1" });
    expect(await fieldOf(createUser(prisma, { email: "DUP@example.com", password: "long-enough", role: "admin" }))).toBe("email");
    expect(await prisma.user.count()).toBe(before + 1);
  });

  test("a team lead's teams are kept; a new password ends the user's sessions", async () => {
    const { prisma } = db();
    const { id } = await createUser(prisma, { email: "tl@example.com", password: "long-enough", role: "team_lead", teams: ["alpha", "beta"] });
    expect(await prisma.userTeam.count({ where: { userId: id } })).toBe(2);
    await prisma.session.create({ data: { token: "t-1", userId: id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await updateUser(prisma, id, { name: "TL", role: "team_lead", teams: ["beta"] });
    expect(await prisma.userTeam.count({ where: { userId: id } })).toBe(1);
    expect(await prisma.session.count({ where: { userId: id } })).toBe(1);
    await updateUser(prisma, id, { name: "TL", role: "team_lead", teams: ["beta"], password: "another-password" });
    expect(await prisma.session.count({ where: { userId: id } })).toBe(0);
  });

  test("the last admin can be neither demoted nor deleted", async () => {
    const { prisma } = db();
    await prisma.user.deleteMany({ where: { role: "admin" } });
    const { id } = await createUser(prisma, { email: "only-admin@example.com", password: "long-enough", role: "admin" });
    expect(await fieldOf(updateUser(prisma, id, { name: "A", role: "manager" }))).toBe("role");
    expect(await fieldOf(deleteUser(prisma, id))).toBe("role");
    const second = await createUser(prisma, { email: "second-admin@example.com", password: "long-enough", role: "admin" });
    await deleteUser(prisma, id);
    expect(await prisma.user.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.user.findUnique({ where: { id: second.id } })).not.toBeNull();
  });

  test("an admin removes other accounts from the settings page, never their own", async () => {
    const { prisma } = db();
    const me = await createUser(prisma, { email: "me@example.com", password: "long-enough", role: "admin" });
    const other = await createUser(prisma, { email: "other@example.com", password: "long-enough", role: "manager" });
    const ctx = userContext(prisma, "admin", { id: me.id });
    expect(await fieldOf(removeUser(ctx, me.id))).toBe("form");
    await removeUser(ctx, other.id);
    expect(await prisma.user.findUnique({ where: { id: other.id } })).toBeNull();
    expect(await prisma.user.findUnique({ where: { id: me.id } })).not.toBeNull();
  });
});
