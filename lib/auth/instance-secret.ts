import { randomBytes } from "node:crypto";

import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const AUTH_SECRET = "auth";

/**
 * The key that signs session cookies: DESKPULSE_AUTH_SECRET when set, otherwise one generated on
 * first use and kept in the database, so every server sharing the database agrees on it and a
 * fresh install needs no configuration.
 */
export async function getAuthSecret(prisma: PrismaClient): Promise<string> {
  const configured = getEnv().DESKPULSE_AUTH_SECRET;
  if (configured) return configured;
  await prisma.instanceSecret.createMany({
    data: [{ name: AUTH_SECRET, value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const row = await prisma.instanceSecret.findUniqueOrThrow({ where: { name: AUTH_SECRET } });
  return row.value;
}
