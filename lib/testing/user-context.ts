import type { SessionUser } from "@/lib/auth/access";
import type { UserContext } from "@/lib/auth/guards";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** What requirePage hands a page, for a made-up signed-in user (no session row behind it). */
export function userContext(prisma: PrismaClient, role: SessionUser["role"], extra: Partial<SessionUser> = {}): UserContext {
  const user: SessionUser = { id: 1, email: `${role}@example.com`, name: role, role, agent: null, teams: [], ...extra };
  return { prisma, user, principal: { kind: "user", user } };
}
