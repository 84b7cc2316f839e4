import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { DemoDay, DemoRoster } from "./generate-demo-data";

// Bulk inserts: one statement per table and chunk, each column passed as one array parameter and
// expanded with unnest(), so a day of data costs a handful of round trips whatever its size.

const CHUNK = 20_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function insertRoster(prisma: PrismaClient, roster: DemoRoster): Promise<void> {
  const { teams, queues, agents } = roster;
  await prisma.$executeRaw`
    INSERT INTO teams (id, external_id, name)
    SELECT * FROM unnest(${teams.map((t) => t.id)}::int[], ${teams.map((t) => t.externalId)}::text[], ${teams.map((t) => t.name)}::text[])`;
  await prisma.$executeRaw`
    INSERT INTO queues (id, external_id, name)
    SELECT * FROM unnest(${queues.map((q) => q.id)}::int[], ${queues.map((q) => q.externalId)}::text[], ${queues.map((q) => q.name)}::text[])`;
  await prisma.$executeRaw`
    INSERT INTO agents (id, external_id, name, email, team_id)
    SELECT * FROM unnest(${agents.map((a) => a.id)}::int[], ${agents.map((a) => a.externalId)}::text[],
      ${agents.map((a) => a.name)}::text[], ${agents.map((a) => a.email)}::text[], ${agents.map((a) => a.teamId)}::int[])`;
}

export async function insertDemoDay(prisma: PrismaClient, day: DemoDay): Promise<void> {
  for (const rows of chunks(day.tickets)) {
    await prisma.$executeRaw`
      INSERT INTO tickets (id, external_id, channel, priority, subject, team_id, assignee_id, status, created_at,
                           first_response_at, resolved_at, reopens)
      SELECT * FROM unnest(
        ${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.channel)}::text[]::"Channel"[],
        ${rows.map((r) => r.priority)}::text[]::"Priority"[], ${rows.map((r) => r.subject)}::text[], ${rows.map((r) => r.teamId)}::int[],
        ${rows.map((r) => r.assigneeId)}::int[], ${rows.map((r) => r.status)}::text[]::"TicketStatus"[],
        ${rows.map((r) => iso(r.createdAt))}::timestamptz[], ${rows.map((r) => iso(r.firstResponseAt))}::timestamptz[],
        ${rows.map((r) => iso(r.resolvedAt))}::timestamptz[], ${rows.map((r) => r.reopens)}::int[])`;
  }
  for (const rows of chunks(day.messages)) {
    await prisma.$executeRaw`
      INSERT INTO messages (id, external_id, ticket_id, author, agent_id, created_at, public)
      SELECT * FROM unnest(
        ${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.ticketId)}::int[],
        ${rows.map((r) => r.author)}::text[]::"MessageAuthor"[], ${rows.map((r) => r.agentId)}::int[],
        ${rows.map((r) => iso(r.createdAt))}::timestamptz[], ${rows.map((r) => r.public)}::boolean[])`;
  }
  for (const rows of chunks(day.calls)) {
    await prisma.$executeRaw`
      INSERT INTO calls (id, external_id, queue_id, agent_id, team_id, direction, queued_at, answered_at, ended_at,
                         talk_seconds, hold_seconds, wrap_up_seconds)
      SELECT * FROM unnest(
        ${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.queueId)}::int[],
        ${rows.map((r) => r.agentId)}::int[], ${rows.map((r) => r.teamId)}::int[], ${rows.map((r) => r.direction)}::text[]::"CallDirection"[],
        ${rows.map((r) => iso(r.queuedAt))}::timestamptz[], ${rows.map((r) => iso(r.answeredAt))}::timestamptz[],
        ${rows.map((r) => iso(r.endedAt))}::timestamptz[], ${rows.map((r) => r.talkSeconds)}::int[],
        ${rows.map((r) => r.holdSeconds)}::int[], ${rows.map((r) => r.wrapUpSeconds)}::int[])`;
  }
  for (const rows of chunks(day.surveys)) {
    await prisma.$executeRaw`
      INSERT INTO surveys (id, external_id, kind, score, responded_at, ticket_id, agent_id, team_id, comment)
      SELECT * FROM unnest(
        ${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.kind)}::text[]::"SurveyKind"[],
        ${rows.map((r) => r.score)}::int[], ${rows.map((r) => iso(r.respondedAt))}::timestamptz[],
        ${rows.map((r) => r.ticketId)}::int[], ${rows.map((r) => r.agentId)}::int[], ${rows.map((r) => r.teamId)}::int[],
        ${rows.map((r) => r.comment)}::text[])`;
  }
  for (const rows of chunks(day.kbViews)) {
    await prisma.$executeRaw`
      INSERT INTO kb_views (article, visitor, viewed_at)
      SELECT * FROM unnest(${rows.map((r) => r.article)}::text[], ${rows.map((r) => r.visitor)}::text[],
                           ${rows.map((r) => iso(r.viewedAt))}::timestamptz[])
      ON CONFLICT DO NOTHING`;
  }
  for (const rows of chunks(day.statuses)) {
    await prisma.$executeRaw`
      INSERT INTO agent_status_events (agent_id, status, at)
      SELECT * FROM unnest(${rows.map((r) => r.agentId)}::int[], ${rows.map((r) => r.status)}::text[]::"AgentPresence"[],
                           ${rows.map((r) => iso(r.at))}::timestamptz[])
      ON CONFLICT DO NOTHING`;
  }
}

/** Explicit ids were inserted; move every serial sequence past them. */
export async function resetSequences(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction([
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('teams', 'id'), GREATEST((SELECT max(id) FROM teams), 1))`,
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('queues', 'id'), GREATEST((SELECT max(id) FROM queues), 1))`,
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('agents', 'id'), GREATEST((SELECT max(id) FROM agents), 1))`,
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('tickets', 'id'), GREATEST((SELECT max(id) FROM tickets), 1))`,
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('messages', 'id'), GREATEST((SELECT max(id) FROM messages), 1))`,
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('calls', 'id'), GREATEST((SELECT max(id) FROM calls), 1))`,
    prisma.$queryRaw`SELECT setval(pg_get_serial_sequence('surveys', 'id'), GREATEST((SELECT max(id) FROM surveys), 1))`,
  ]);
}
