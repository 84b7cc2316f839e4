import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { listUsers, ROLE_LABELS, ROLES } from "@/lib/auth/users";
import { listAgents, listTeams } from "@/lib/directory/directory";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

/** What the user form offers: every team a lead may lead, every agent a user may be, every role. */
export interface UserFormChoices {
  teams: { externalId: string; name: string }[];
  agents: { externalId: string; name: string }[];
  roles: { value: string; label: string }[];
}

export interface UsersPage extends UserFormChoices {
  timeZone: string;
  users: {
    id: number;
    name: string;
    email: string;
    role: string;
    /** Whose numbers they see: a lead's teams, an agent user's agent, or everything. */
    scope: string;
    lastLoginAt: Date | null;
  }[];
}

export async function userFormChoices(prisma: PrismaClient): Promise<UserFormChoices> {
  const [teams, agents] = await Promise.all([listTeams(prisma), listAgents(prisma)]);
  return {
    teams: teams.map(({ externalId, name }) => ({ externalId, name })),
    agents: agents.map(({ externalId, name }) => ({ externalId, name })),
    roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
  };
}

export async function usersPage({ prisma }: UserContext): Promise<UsersPage> {
  const [users, choices, org] = await Promise.all([listUsers(prisma), userFormChoices(prisma), getOrgSettings(prisma)]);
  return {
    ...choices,
    timeZone: org.timeZone,
    users: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: ROLE_LABELS[user.role],
      scope: user.role === "team_lead" ? user.teams.map((t) => t.name).join(", ") : user.role === "agent" ? (user.agent?.name ?? "Not linked") : "Everything",
      lastLoginAt: user.lastLoginAt,
    })),
  };
}
