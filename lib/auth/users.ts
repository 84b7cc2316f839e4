import { z } from "zod";

import type { UserContext } from "@/lib/auth/guards";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword } from "./password";
import { forgetPrincipals } from "./principal-cache";

export const ROLES = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  team_lead: "Team lead",
  agent: "Agent",
};

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

const ZMembership = z.object({
  role: z.enum(Role),
  // Team and agent externalIds: a team lead leads teams, an agent user is an agent.
  teams: z.array(z.string().trim().min(1)).default([]),
  agent: z.string().trim().min(1).optional(),
});

export const ZNewUser = ZMembership.extend({
  email: z.email("must be an email address").trim().toLowerCase(),
  name: z.string().trim().min(1, "is required").max(200).optional(),
  password,
});
export type NewUser = z.input<typeof ZNewUser>;

export const ZUserUpdate = ZMembership.extend({
  name: z.string().trim().min(1, "is required").max(200),
  password: password.optional(),
});
export type UserUpdate = z.input<typeof ZUserUpdate>;

/** A rule a user's data breaks, named by the field so forms and the CLI can say where. */
export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function resolveMembership(tx: Tx, input: z.output<typeof ZMembership>) {
  if (input.role === "team_lead" && input.teams.length === 0) {
    throw new UserInputError("teams", "a team lead needs at least one team");
  }
  if (input.role === "agent" && !input.agent) throw new UserInputError("agent", "an agent user must be linked to an agent");
  const teams = await tx.team.findMany({ where: { externalId: { in: input.teams } }, select: { id: true, externalId: true } });
  const missing = input.teams.filter((t) => !teams.some((team) => team.externalId === t));
  if (missing.length) throw new UserInputError("teams", `unknown team ${missing.join(", ")}`);
  let agentId: number | null = null;
  if (input.agent) {
    const agent = await tx.agent.findUnique({ where: { externalId: input.agent }, select: { id: true } });
    if (!agent) throw new UserInputError("agent", `unknown agent ${input.agent}`);
    agentId = agent.id;
  }
  // Teams only scope team leads; for other roles they would be misleading, so they are not kept.
  return { agentId, teamIds: input.role === "team_lead" ? teams.map((t) => t.id) : [] };
}

/** Creates a user who can sign in with the password (better-auth's `credential` account). */
export async function createUser(prisma: PrismaClient, input: NewUser): Promise<{ id: number }> {
  const data = ZNewUser.parse(input);
  const passwordHash = await hashPassword(data.password);
  return prisma.$transaction((tx) => insertUser(tx, data, passwordHash));
}

/** The insert of createUser, for callers that already hold a transaction. */
export async function insertUser(tx: Tx, data: z.output<typeof ZNewUser>, passwordHash: string): Promise<{ id: number }> {
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new UserInputError("email", "a user with this email already exists");
  }
  const { agentId, teamIds } = await resolveMembership(tx, data);
  const user = await tx.user.create({
    data: {
      email: data.email,
      name: data.name ?? data.email.split("@")[0]!,
      role: data.role,
      agentId,
      teams: { create: teamIds.map((teamId) => ({ teamId })) },
    },
  });
  await tx.account.create({
    data: { userId: user.id, providerId: "credential", accountId: String(user.id), password: passwordHash },
  });
  return { id: user.id };
}

/** Changes a user's name, role, teams or agent, and optionally their password. */
export async function updateUser(prisma: PrismaClient, id: number, input: UserUpdate): Promise<void> {
  const data = ZUserUpdate.parse(input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { id }, select: { role: true } });
    if (!existing) throw new UserInputError("id", "no such user");
    if (existing.role === "admin" && data.role !== "admin") await assertAnotherAdmin(tx, id);
    const { agentId, teamIds } = await resolveMembership(tx, data);
    await tx.user.update({ where: { id }, data: { name: data.name, role: data.role, agentId } });
    await tx.userTeam.deleteMany({ where: { userId: id } });
    await tx.userTeam.createMany({ data: teamIds.map((teamId) => ({ userId: id, teamId })) });
    if (passwordHash) {
      await tx.account.updateMany({ where: { userId: id, providerId: "credential" }, data: { password: passwordHash } });
      // A new password ends every session signed in with the old one.
      await tx.session.deleteMany({ where: { userId: id } });
    }
  });
  forgetPrincipals();
}

/** Deletes a user and their sessions; the last admin cannot be deleted. */
export async function deleteUser(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { id }, select: { role: true } });
    if (!existing) throw new UserInputError("id", "no such user");
    if (existing.role === "admin") await assertAnotherAdmin(tx, id);
    await tx.user.delete({ where: { id } });
  });
  forgetPrincipals();
}

// The settings pages' entry points; rule breaks throw UserInputError naming the field.

export function addUser({ prisma }: Pick<UserContext, "prisma">, input: NewUser): Promise<{ id: number }> {
  return createUser(prisma, input);
}

export function changeUser({ prisma }: Pick<UserContext, "prisma">, id: number, input: UserUpdate): Promise<void> {
  return updateUser(prisma, id, input);
}

/** Deleting is for someone else's account: an admin who deleted their own would lock themselves out mid-session. */
export async function removeUser({ prisma, user }: Pick<UserContext, "prisma" | "user">, id: number): Promise<void> {
  if (id === user.id) throw new UserInputError("form", "you cannot delete your own account");
  await deleteUser(prisma, id);
}

async function assertAnotherAdmin(tx: Tx, id: number) {
  const others = await tx.user.count({ where: { role: "admin", id: { not: id } } });
  if (others === 0) throw new UserInputError("role", "this is the last admin; make someone else an admin first");
}

export async function listUsers(prisma: PrismaClient) {
  const users = await prisma.user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      lastLoginAt: true,
      agent: { select: { externalId: true, name: true } },
      teams: { select: { team: { select: { externalId: true, name: true } } } },
    },
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
  return users.map(({ teams, ...user }) => ({ ...user, teams: teams.map((t) => t.team) }));
}
