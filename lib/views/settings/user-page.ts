import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { loadSessionUser } from "@/lib/auth/principal";

import { userFormChoices, type UserFormChoices } from "./users-page";

export interface UserPage extends UserFormChoices {
  user: { id: number; email: string; name: string; role: string; teams: string[]; agent: string | null };
  /** An admin does not delete their own account from here (lib/auth/users.ts removeUser). */
  deletable: boolean;
}

/** One user's edit page, or null when there is no such user. */
export async function userPage({ prisma, user: me }: UserContext, id: number): Promise<UserPage | null> {
  const [user, choices] = await Promise.all([loadSessionUser(prisma, id), userFormChoices(prisma)]);
  if (!user) return null;
  return {
    ...choices,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, teams: user.teams.map((t) => t.externalId), agent: user.agent?.externalId ?? null },
    deletable: user.id !== me.id,
  };
}
