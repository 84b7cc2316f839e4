import { randomBytes } from "node:crypto";

import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const AUTH_SECRET = "auth";

/**
 * The key that signs session cookies: DESKPULSE_AUTH_SECRET when set, otherwise one generated on
 * first use and kept in the database, so every server sharing the database agrees on it and a
 * fresh install needs no configuration. With the variable set the key is never written to the
 * database, and one generated before is deleted: a copy of the database must not be enough to
 * sign a session cookie (docs/access.md).
 */
export async function getAuthSecret(prisma: PrismaClient, configured = getEnv().DESKPULSE_AUTH_SECRET): Promise<string> {
  if (configured) {
    await prisma.instanceSecret.deleteMany({ where: { name: AUTH_SECRET } });
    return configured;
  }
  await prisma.instanceSecret.createMany({
    data: [{ name: AUTH_SECRET, value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const row = await prisma.instanceSecret.findUniqueOrThrow({ where: { name: AUTH_SECRET } });
  return row.value;
}
