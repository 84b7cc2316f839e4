import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Every ingested row, by natural key and without surrogate ids or bookkeeping timestamps, so two
 * databases (or one before and after) can be compared for identical stored data.
 */
export async function snapshotRecords(prisma: PrismaClient) {
  const [teams, agents, queues, tickets, messages, calls, surveys, kbViews, statuses] = await Promise.all([
    prisma.$queryRaw`SELECT external_id, name FROM teams ORDER BY external_id`,
    prisma.$queryRaw`SELECT a.external_id, a.name, a.email, t.external_id AS team FROM agents a LEFT JOIN teams t ON t.id = a.team_id ORDER BY a.external_id`,
    prisma.$queryRaw`SELECT external_id, name FROM queues ORDER BY external_id`,
    prisma.$queryRaw`SELECT k.external_id, k.channel::text, k.priority::text, k.subject, t.external_id AS team, a.external_id AS assignee,
                            k.status::text, k.created_at, k.first_response_at, k.resolved_at, k.reopens
                     FROM tickets k LEFT JOIN teams t ON t.id = k.team_id LEFT JOIN agents a ON a.id = k.assignee_id ORDER BY k.external_id`,
    prisma.$queryRaw`SELECT m.external_id, k.external_id AS ticket, m.author::text, a.external_id AS agent, m.created_at, m.public
                     FROM messages m JOIN tickets k ON k.id = m.ticket_id LEFT JOIN agents a ON a.id = m.agent_id ORDER BY m.external_id`,
    prisma.$queryRaw`SELECT c.external_id, q.external_id AS queue, a.external_id AS agent, t.external_id AS team, c.direction::text,
                            c.queued_at, c.answered_at, c.ended_at, c.talk_seconds, c.hold_seconds, c.wrap_up_seconds
                     FROM calls c LEFT JOIN queues q ON q.id = c.queue_id LEFT JOIN agents a ON a.id = c.agent_id
                     LEFT JOIN teams t ON t.id = c.team_id ORDER BY c.external_id`,
    prisma.$queryRaw`SELECT s.external_id, s.kind::text, s.score, s.responded_at, k.external_id AS ticket, a.external_id AS agent,
                            t.external_id AS team, s.comment
                     FROM surveys s LEFT JOIN tickets k ON k.id = s.ticket_id LEFT JOIN agents a ON a.id = s.agent_id
                     LEFT JOIN teams t ON t.id = s.team_id ORDER BY s.external_id`,
    prisma.$queryRaw`SELECT article, visitor, viewed_at FROM kb_views ORDER BY article, visitor, viewed_at`,
    prisma.$queryRaw`SELECT a.external_id AS agent, e.status::text, e.at FROM agent_status_events e JOIN agents a ON a.id = e.agent_id
                     ORDER BY a.external_id, e.at`,
  ]);
  return { teams, agents, queues, tickets, messages, calls, surveys, kbViews, statuses };
}

/** Empties every table that ingest writes (between tests sharing one database). */
export async function clearRecords(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`TRUNCATE teams, agents, queues, tickets, messages, calls, surveys, kb_views, agent_status_events RESTART IDENTITY CASCADE`;
}
