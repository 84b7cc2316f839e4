import type { UserContext } from "@/lib/auth/guards";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface AppNotification {
  id: number;
  text: string;
  href: string | null;
  createdAt: string;
  read: boolean;
}

/** The answer of `GET /api/v1/notifications`: the newest notifications and how many are unread. */
export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

/** Tells agents (by externalId) something, in the app. */
export async function notifyAgents(prisma: PrismaClient, agents: string[], text: string, href: string | null): Promise<void> {
  if (agents.length === 0) return;
  const rows = await prisma.agent.findMany({ where: { externalId: { in: agents } }, select: { id: true } });
  await prisma.notification.createMany({ data: rows.map((a) => ({ agentId: a.id, text, href })) });
}

/** The agents of teams (by externalId), for telling a whole team. */
export async function agentsOfTeams(prisma: PrismaClient, teams: string[]): Promise<string[]> {
  const rows = await prisma.agent.findMany({ where: { team: { externalId: { in: teams } } }, select: { externalId: true } });
  return rows.map((a) => a.externalId);
}

export async function listNotifications(prisma: PrismaClient, agentId: number, limit = 20): Promise<NotificationList> {
  const [unread, rows] = await Promise.all([
    prisma.notification.count({ where: { agentId, readAt: null } }),
    prisma.notification.findMany({ where: { agentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
  ]);
  return { unread, items: rows.map((n) => ({ id: n.id, text: n.text, href: n.href, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })) };
}

/** The signed-in user's own notifications; a user who is no agent has none. */
export async function markNotificationsRead({ prisma, user }: Pick<UserContext, "prisma" | "user">): Promise<void> {
  if (!user.agent) return;
  await prisma.notification.updateMany({ where: { agentId: user.agent.id, readAt: null }, data: { readAt: new Date() } });
}
