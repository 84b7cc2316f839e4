import "server-only";

import { getDb } from "@/lib/db/get-db";

import { createAuth, type Auth } from "./better-auth";
import { getAuthSecret } from "./instance-secret";

// One instance per process, next to the database it uses: the in-memory rate limiter lives in it.
const holder = globalThis as typeof globalThis & { __deskpulseAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  holder.__deskpulseAuth ??= (async () => {
    const { prisma } = await getDb();
    return createAuth(prisma, await getAuthSecret(prisma));
  })().catch((error: unknown) => {
    holder.__deskpulseAuth = undefined;
    throw error;
  });
  return holder.__deskpulseAuth;
}
