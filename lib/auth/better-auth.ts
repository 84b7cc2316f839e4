import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";

import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { withHashedSessionTokens } from "./hashed-session-tokens";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./password";

/** The header lib/auth/handle-sign-in.ts sets to the resolved client address; nothing else is read. */
export const CLIENT_ADDRESS_HEADER = "x-deskpulse-client-address";

export interface AuthTransport {
  /** Cookies are `__Secure-…; Secure`: the browser is on HTTPS. */
  secure: boolean;
  /** DESKPULSE_PUBLIC_URL; unset, the origin is each request's own (lib/auth/handle-sign-in.ts). */
  publicUrl?: string;
}

/**
 * better-auth owns sign-in, sessions and the session cookie. Users are created by admins (the
 * users page, the CLI, the first-start setup), never by sign-up, and only sign-in is reachable over
 * HTTP (app/api/auth). Roles and team scope are Deskpulse's own (lib/auth/access.ts).
 *
 * better-auth fixes cookie attributes when an instance is made, so there is one instance per
 * transport (lib/auth/get-auth.ts): HTTP on a LAN and HTTPS behind a proxy can serve the same
 * installation.
 */
export function createAuth(
  prisma: PrismaClient,
  secret: string,
  { secure, publicUrl }: AuthTransport = { secure: false, publicUrl: getEnv().DESKPULSE_PUBLIC_URL },
) {
  return betterAuth({
    appName: "Deskpulse",
    secret,
    // Unset, better-auth takes the origin from each request's URL, and trusts only that origin.
    baseURL: publicUrl,
    basePath: "/api/auth",
    database: withHashedSessionTokens(prismaAdapter(prisma, { provider: "postgresql" })),
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
    // Sign-in, the one endpoint served, is limited per address and per account by
    // lib/auth/sign-in-limiter.ts; better-auth's limiter knows addresses only.
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: "serial" },
      useSecureCookies: secure,
      // better-auth skips the origin check under NODE_ENV=test; the tests must see the real one.
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    // Without DESKPULSE_PUBLIC_URL the origin comes from each request, which better-auth warns
    // about on every start; that is the intended set-up for a self-hosted server, so only errors show.
    logger: { level: "error" },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
