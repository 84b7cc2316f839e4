import type { UserContext } from "@/lib/auth/guards";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

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

/** Tells users (by id) something in their own bell: alerts to managers and admins. */
export async function notifyUsers(prisma: PrismaClient | Prisma.TransactionClient, userIds: number[], text: string, href: string | null): Promise<void> {
  if (userIds.length === 0) return;
  await prisma.notification.createMany({ data: userIds.map((userId) => ({ userId, text, href })) });
}

/** The agents of teams (by externalId), for telling a whole team. */
export async function agentsOfTeams(prisma: PrismaClient, teams: string[]): Promise<string[]> {
  const rows = await prisma.agent.findMany({ where: { team: { externalId: { in: teams } } }, select: { externalId: true } });
  return rows.map((a) => a.externalId);
}

/** Whose bell: a user's own entries and, for a user who is an agent, the agent's. */
export interface BellOwner {
  userId: number | null;
  agentId: number | null;
}

const ownedBy = ({ userId, agentId }: BellOwner) => ({ OR: [{ userId: userId ?? -1 }, { agentId: agentId ?? -1 }] });

export async function listNotifications(prisma: PrismaClient, owner: BellOwner, limit = 20): Promise<NotificationList> {
  const [unread, rows] = await Promise.all([
    prisma.notification.count({ where: { ...ownedBy(owner), readAt: null } }),
    prisma.notification.findMany({ where: ownedBy(owner), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
  ]);
  return { unread, items: rows.map((n) => ({ id: n.id, text: n.text, href: n.href, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })) };
}

/** The signed-in user's notifications: their own and their agent's. */
export async function markNotificationsRead({ prisma, user }: Pick<UserContext, "prisma" | "user">): Promise<void> {
  await prisma.notification.updateMany({ where: { ...ownedBy(bellOwnerOf(user.id, user.agent)), readAt: null }, data: { readAt: new Date() } });
}

export function bellOwnerOf(userId: number, agent: { id: number } | null): BellOwner {
  return { userId, agentId: agent?.id ?? null };
}
