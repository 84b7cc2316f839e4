import { beforeEach, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { completeSetup, ensureFirstAdmin, isSetupTokenValid } from "./first-admin";

describeEachDatabase("the first admin", ({ db }) => {
  beforeEach(async () => {
    await db().prisma.user.deleteMany();
    await db().prisma.verification.deleteMany();
  });

  const admin = { email: "first@example.com", name: "First", password: "long-enough" };

  test("comes from DESKPULSE_ADMIN_EMAIL/PASSWORD when they are set, once", async () => {
    const { prisma } = db();
    expect(await ensureFirstAdmin(prisma, { email: "Boss@Example.com", password: "long-enough" })).toEqual({ kind: "created-from-env", email: "boss@example.com" });
    expect(await ensureFirstAdmin(prisma, { email: "boss@example.com", password: "long-enough" })).toEqual({ kind: "users-exist" });
    expect(await prisma.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "boss@example.com", role: "admin" }]);
  });

  test("otherwise a setup link works exactly once, and a newer link replaces an older one", async () => {
    const { prisma } = db();
    const older = await ensureFirstAdmin(prisma, {});
    const newer = await ensureFirstAdmin(prisma, {});
    if (older.kind !== "setup-link" || newer.kind !== "setup-link") throw new Error("expected setup links");
    const tokenOf = (p: string) => p.split("/").pop()!;
    expect(await isSetupTokenValid(prisma, tokenOf(older.path))).toBe(false);
    expect(await isSetupTokenValid(prisma, tokenOf(newer.path))).toBe(true);
    await expect(completeSetup(prisma, "wrong-token", admin)).rejects.toThrow(/expired or was already used/);

    // Two people submitting the form at once: one admin, one refusal.
    const results = await Promise.allSettled([
      completeSetup(prisma, tokenOf(newer.path), admin),
      completeSetup(prisma, tokenOf(newer.path), { ...admin, email: "second@example.com" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.user.count()).toBe(1);
    expect(await isSetupTokenValid(prisma, tokenOf(newer.path))).toBe(false);
    await expect(completeSetup(prisma, tokenOf(newer.path), { ...admin, email: "third@example.com" })).rejects.toThrow();
  });

  test("a setup link is refused once any user exists", async () => {
    const { prisma } = db();
    const link = await ensureFirstAdmin(prisma, {});
    if (link.kind !== "setup-link") throw new Error("expected a setup link");
    await prisma.user.create({ data: { email: "cli@example.com", name: "CLI", role: "admin" } });
    await expect(completeSetup(prisma, link.path.split("/").pop()!, admin)).rejects.toThrow(/expired or was already used/);
  });
});
