import { randomBytes } from "node:crypto";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { hashPassword } from "./password";
import { hashToken } from "./secret-tokens";
import { createUser, insertUser, UserInputError, ZNewUser } from "./users";

const SETUP = "first-admin-setup";
const SETUP_VALID_DAYS = 7;

export type FirstAdminOutcome =
  | { kind: "users-exist" }
  | { kind: "created-from-env"; email: string }
  | { kind: "setup-link"; path: string };

/**
 * At start-up, with no users yet: the first admin from DESKPULSE_ADMIN_EMAIL/PASSWORD, or else a
 * one-time setup link (a fresh token each start, replacing the last, valid for a week).
 */
export async function ensureFirstAdmin(prisma: PrismaClient, fromEnv: { email?: string; password?: string }): Promise<FirstAdminOutcome> {
  if ((await prisma.user.count()) > 0) return { kind: "users-exist" };
  if (fromEnv.email && fromEnv.password) {
    await createUser(prisma, { email: fromEnv.email, password: fromEnv.password, role: "admin", name: "Admin" });
    return { kind: "created-from-env", email: fromEnv.email.toLowerCase() };
  }
  const token = randomBytes(24).toString("base64url");
  await prisma.$transaction([
    prisma.verification.deleteMany({ where: { identifier: SETUP } }),
    prisma.verification.create({
      data: { identifier: SETUP, value: hashToken(token), expiresAt: new Date(Date.now() + SETUP_VALID_DAYS * 86_400_000) },
    }),
  ]);
  return { kind: "setup-link", path: `/setup/${token}` };
}

export async function isSetupTokenValid(prisma: PrismaClient, token: string): Promise<boolean> {
  const row = await prisma.verification.findFirst({
    where: { identifier: SETUP, value: hashToken(token), expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return row !== null && (await prisma.user.count()) === 0;
}

/** Creates the first admin through the setup link; the link works once, and only while there are no users. */
export async function completeSetup(
  prisma: PrismaClient,
  token: string,
  input: { email: string; name: string; password: string },
): Promise<{ id: number }> {
  const data = ZNewUser.parse({ ...input, role: "admin" });
  const passwordHash = await hashPassword(data.password);
  return prisma.$transaction(async (tx) => {
    // Deleting the token is the lock: of two concurrent submissions only one deletes it.
    const used = await tx.verification.deleteMany({
      where: { identifier: SETUP, value: hashToken(token), expiresAt: { gt: new Date() } },
    });
    if (used.count === 0 || (await tx.user.count()) > 0) throw new UserInputError("token", "this setup link has expired or was already used");
    return insertUser(tx, data, passwordHash);
  });
}
