import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";

import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./password";

export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

/**
 * better-auth owns sign-in, sessions and the session cookie. Users are created by admins (the
 * users page, the CLI, the first-start setup), never by sign-up, and only sign-in is reachable over
 * HTTP (app/api/auth). Roles and team scope are Deskpulse's own (lib/auth/access.ts).
 */
export function createAuth(prisma: PrismaClient, secret: string) {
  return betterAuth({
    appName: "Deskpulse",
    secret,
    baseURL: getEnv().DESKPULSE_PUBLIC_URL,
    basePath: "/api/auth",
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: true },
        agentId: { type: "number", input: false, required: false },
      },
    },
    session: { expiresIn: 14 * 24 * 3600, updateAge: 24 * 3600 },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            await prisma.user.update({ where: { id: Number(session.userId) }, data: { lastLoginAt: session.createdAt } });
          },
        },
      },
    },
    // In memory, per server: enough to stop password guessing against one machine (docs/access.md).
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    advanced: { database: { generateId: "serial" } },
    telemetry: { enabled: false },
    // Without DESKPULSE_PUBLIC_URL the origin comes from each request, which better-auth warns
    // about on every start; that is the intended set-up for a self-hosted server, so only errors show.
    logger: { level: "error" },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
