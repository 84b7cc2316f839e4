import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getAuthSecret } from "./instance-secret";

describeEachDatabase("the instance secret", ({ db }) => {
  const CONFIGURED = "an-operator-secret-that-is-long-enough-for-hmac";

  test("without DESKPULSE_AUTH_SECRET one is generated once and kept in the database", async () => {
    const first = await getAuthSecret(db().prisma, undefined);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await getAuthSecret(db().prisma, undefined)).toBe(first);
    expect(await db().prisma.instanceSecret.findUnique({ where: { name: "auth" } })).toMatchObject({ value: first });
  });

  test("with DESKPULSE_AUTH_SECRET the key is never stored, and one stored before is deleted", async () => {
    await getAuthSecret(db().prisma, undefined);
    expect(await getAuthSecret(db().prisma, CONFIGURED)).toBe(CONFIGURED);
    const rows = await db().prisma.instanceSecret.findMany();
    expect(rows.filter((row) => row.name === "auth")).toEqual([]);
    expect(rows.some((row) => row.value === CONFIGURED)).toBe(false);
  });
});
