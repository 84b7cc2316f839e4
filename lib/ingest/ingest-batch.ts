import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { IngestBatch, RecordError } from "./record-schemas";

// Stores a validated batch in one transaction with set-based statements: each kind is one
// INSERT ... SELECT FROM unnest(...) ON CONFLICT (external_id) DO UPDATE, so a batch of 5,000 costs
// a dozen round trips, and replaying a feed updates rows in place instead of duplicating them.

export interface IngestCounts {
  teams: number;
  agents: number;
  tickets: number;
  messages: number;
  calls: number;
  surveys: number;
  kbViews: number;
  agentStatus: number;
}

export class IngestRejectedError extends Error {
  constructor(readonly errors: RecordError[]) {
    super(`${errors.length} record(s) rejected`);
    this.name = "IngestRejectedError";
  }
}

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Within one batch the last record with an externalId wins, as if the records had come one by one. */
function lastWins<T>(records: T[] | undefined, key: (record: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const record of records ?? []) {
    const k = key(record);
    byKey.delete(k);
    byKey.set(k, record);
  }
  return [...byKey.values()];
}

const col = <T, V>(rows: T[], pick: (row: T) => V | undefined): (V | null)[] => rows.map((row) => pick(row) ?? null);

export async function ingestBatch(prisma: PrismaClient, batch: IngestBatch): Promise<IngestCounts> {
  const teams = lastWins(batch.teams, (t) => t.externalId);
  const agents = lastWins(batch.agents, (a) => a.externalId);
  const tickets = lastWins(batch.tickets, (t) => t.externalId);
  const messages = lastWins(batch.messages, (m) => m.externalId);
  const calls = lastWins(batch.calls, (c) => c.externalId);
  const surveys = lastWins(batch.surveys, (s) => s.externalId);
  const kbViews = lastWins(batch.kbViews, (v) => `${v.article}\u0000${v.visitor}\u0000${Date.parse(v.viewedAt)}`);
  const statuses = lastWins(batch.agentStatus, (s) => `${s.agent}\u0000${Date.parse(s.at)}`);

  // Every team, agent and queue a record refers to; unknown ones are created with name = externalId.
  const teamRefs = new Set([...agents, ...tickets, ...calls, ...surveys].flatMap((r) => (r.team ? [r.team] : [])));
  const agentRefs = new Set([
    ...tickets.flatMap((t) => (t.assignee ? [t.assignee] : [])),
    ...[...messages, ...calls, ...surveys].flatMap((r) => (r.agent ? [r.agent] : [])),
    ...statuses.map((s) => s.agent),
  ]);
  const queueRefs = new Set(calls.flatMap((c) => (c.queue ? [c.queue] : [])));

  await prisma.$transaction(
    async (tx) => {
      await checkTicketReferences(tx, batch, new Set(tickets.map((t) => t.externalId)));

      if (teams.length) {
        await tx.$executeRaw`
          INSERT INTO teams (external_id, name)
          SELECT * FROM unnest(${teams.map((t) => t.externalId)}::text[], ${teams.map((t) => t.name)}::text[])
          ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`;
      }
      if (teamRefs.size) {
        await tx.$executeRaw`
          INSERT INTO teams (external_id, name) SELECT ref, ref FROM unnest(${[...teamRefs]}::text[]) AS ref
          ON CONFLICT (external_id) DO NOTHING`;
      }
      if (queueRefs.size) {
        await tx.$executeRaw`
          INSERT INTO queues (external_id, name) SELECT ref, ref FROM unnest(${[...queueRefs]}::text[]) AS ref
          ON CONFLICT (external_id) DO NOTHING`;
      }
      if (agents.length) {
        // Optional fields left out of a record keep their stored value.
        await tx.$executeRaw`
          INSERT INTO agents (external_id, name, email, team_id)
          SELECT a.external_id, a.name, a.email, t.id
          FROM unnest(${col(agents, (a) => a.externalId)}::text[], ${col(agents, (a) => a.name)}::text[],
                      ${col(agents, (a) => a.email)}::text[], ${col(agents, (a) => a.team)}::text[])
               AS a(external_id, name, email, team)
          LEFT JOIN teams t ON t.external_id = a.team
          ON CONFLICT (external_id) DO UPDATE SET
            name = EXCLUDED.name,
            email = COALESCE(EXCLUDED.email, agents.email),
            team_id = COALESCE(EXCLUDED.team_id, agents.team_id),
            updated_at = now()`;
      }
      if (agentRefs.size) {
        await tx.$executeRaw`
          INSERT INTO agents (external_id, name) SELECT ref, ref FROM unnest(${[...agentRefs]}::text[]) AS ref
          ON CONFLICT (external_id) DO NOTHING`;
      }
      if (tickets.length) {
        // A ticket record is its whole current state: fields left out are cleared (a reopened
        // ticket is re-sent without resolvedAt).
        await tx.$executeRaw`
          INSERT INTO tickets (external_id, channel, priority, subject, team_id, assignee_id, status, created_at,
                               first_response_at, resolved_at, reopens)
          SELECT r.external_id, r.channel::"Channel", r.priority::"Priority", r.subject, t.id, a.id,
                 r.status::"TicketStatus", r.created_at, r.first_response_at, r.resolved_at, r.reopens
          FROM unnest(${col(tickets, (r) => r.externalId)}::text[], ${col(tickets, (r) => r.channel)}::text[],
                      ${tickets.map((r) => r.priority ?? "normal")}::text[], ${col(tickets, (r) => r.subject)}::text[],
                      ${col(tickets, (r) => r.team)}::text[], ${col(tickets, (r) => r.assignee)}::text[],
                      ${col(tickets, (r) => r.status)}::text[], ${col(tickets, (r) => r.createdAt)}::timestamptz[],
                      ${col(tickets, (r) => r.firstResponseAt)}::timestamptz[], ${col(tickets, (r) => r.resolvedAt)}::timestamptz[],
                      ${tickets.map((r) => r.reopens ?? 0)}::int[])
               AS r(external_id, channel, priority, subject, team, assignee, status, created_at, first_response_at, resolved_at, reopens)
          LEFT JOIN teams t ON t.external_id = r.team
          LEFT JOIN agents a ON a.external_id = r.assignee
          ON CONFLICT (external_id) DO UPDATE SET
            channel = EXCLUDED.channel, priority = EXCLUDED.priority, subject = EXCLUDED.subject,
            team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id, status = EXCLUDED.status,
            created_at = EXCLUDED.created_at, first_response_at = EXCLUDED.first_response_at,
            resolved_at = EXCLUDED.resolved_at, reopens = EXCLUDED.reopens, ingested_at = now()`;
      }
      if (messages.length) {
        await tx.$executeRaw`
          INSERT INTO messages (external_id, ticket_id, author, agent_id, created_at, public)
          SELECT r.external_id, tk.id, r.author::"MessageAuthor", a.id, r.created_at, r.public
          FROM unnest(${col(messages, (r) => r.externalId)}::text[], ${col(messages, (r) => r.ticket)}::text[],
                      ${col(messages, (r) => r.author)}::text[], ${col(messages, (r) => r.agent)}::text[],
                      ${col(messages, (r) => r.createdAt)}::timestamptz[], ${messages.map((r) => r.public ?? true)}::boolean[])
               AS r(external_id, ticket, author, agent, created_at, public)
          JOIN tickets tk ON tk.external_id = r.ticket
          LEFT JOIN agents a ON a.external_id = r.agent
          ON CONFLICT (external_id) DO UPDATE SET
            ticket_id = EXCLUDED.ticket_id, author = EXCLUDED.author, agent_id = EXCLUDED.agent_id,
            created_at = EXCLUDED.created_at, public = EXCLUDED.public`;
      }
      if (calls.length) {
        await tx.$executeRaw`
          INSERT INTO calls (external_id, queue_id, agent_id, team_id, direction, queued_at, answered_at, ended_at,
                             talk_seconds, hold_seconds, wrap_up_seconds)
          SELECT r.external_id, q.id, a.id, t.id, r.direction::"CallDirection", r.queued_at, r.answered_at, r.ended_at,
                 r.talk, r.hold, r.wrap_up
          FROM unnest(${col(calls, (r) => r.externalId)}::text[], ${col(calls, (r) => r.queue)}::text[],
                      ${col(calls, (r) => r.agent)}::text[], ${col(calls, (r) => r.team)}::text[],
                      ${calls.map((r) => r.direction ?? "inbound")}::text[], ${col(calls, (r) => r.queuedAt)}::timestamptz[],
                      ${col(calls, (r) => r.answeredAt)}::timestamptz[], ${col(calls, (r) => r.endedAt)}::timestamptz[],
                      ${calls.map((r) => r.talkSeconds ?? 0)}::int[], ${calls.map((r) => r.holdSeconds ?? 0)}::int[],
                      ${calls.map((r) => r.wrapUpSeconds ?? 0)}::int[])
               AS r(external_id, queue, agent, team, direction, queued_at, answered_at, ended_at, talk, hold, wrap_up)
          LEFT JOIN queues q ON q.external_id = r.queue
          LEFT JOIN agents a ON a.external_id = r.agent
          LEFT JOIN teams t ON t.external_id = r.team
          ON CONFLICT (external_id) DO UPDATE SET
            queue_id = EXCLUDED.queue_id, agent_id = EXCLUDED.agent_id, team_id = EXCLUDED.team_id,
            direction = EXCLUDED.direction, queued_at = EXCLUDED.queued_at, answered_at = EXCLUDED.answered_at,
            ended_at = EXCLUDED.ended_at, talk_seconds = EXCLUDED.talk_seconds, hold_seconds = EXCLUDED.hold_seconds,
            wrap_up_seconds = EXCLUDED.wrap_up_seconds, ingested_at = now()`;
      }
      if (surveys.length) {
        await tx.$executeRaw`
          INSERT INTO surveys (external_id, kind, score, responded_at, ticket_id, agent_id, team_id, comment)
          SELECT r.external_id, r.kind::"SurveyKind", r.score, r.responded_at, tk.id, a.id, t.id, r.comment
          FROM unnest(${col(surveys, (r) => r.externalId)}::text[], ${col(surveys, (r) => r.kind)}::text[],
                      ${col(surveys, (r) => r.score)}::int[], ${col(surveys, (r) => r.respondedAt)}::timestamptz[],
                      ${col(surveys, (r) => r.ticket)}::text[], ${col(surveys, (r) => r.agent)}::text[],
                      ${col(surveys, (r) => r.team)}::text[], ${col(surveys, (r) => r.comment)}::text[])
               AS r(external_id, kind, score, responded_at, ticket, agent, team, comment)
          LEFT JOIN tickets tk ON tk.external_id = r.ticket
          LEFT JOIN agents a ON a.external_id = r.agent
          LEFT JOIN teams t ON t.external_id = r.team
          ON CONFLICT (external_id) DO UPDATE SET
            kind = EXCLUDED.kind, score = EXCLUDED.score, responded_at = EXCLUDED.responded_at,
            ticket_id = EXCLUDED.ticket_id, agent_id = EXCLUDED.agent_id, team_id = EXCLUDED.team_id,
            comment = EXCLUDED.comment`;
      }
      if (kbViews.length) {
        await tx.$executeRaw`
          INSERT INTO kb_views (article, visitor, viewed_at)
          SELECT * FROM unnest(${col(kbViews, (r) => r.article)}::text[], ${col(kbViews, (r) => r.visitor)}::text[],
                               ${col(kbViews, (r) => r.viewedAt)}::timestamptz[])
          ON CONFLICT DO NOTHING`;
      }
      if (statuses.length) {
        await tx.$executeRaw`
          INSERT INTO agent_status_events (agent_id, status, at)
          SELECT a.id, r.status::"AgentPresence", r.at
          FROM unnest(${col(statuses, (r) => r.agent)}::text[], ${col(statuses, (r) => r.status)}::text[],
                      ${col(statuses, (r) => r.at)}::timestamptz[]) AS r(agent, status, at)
          JOIN agents a ON a.external_id = r.agent
          ON CONFLICT (agent_id, at) DO UPDATE SET status = EXCLUDED.status`;
      }
    },
    { maxWait: 30_000, timeout: 120_000 },
  );

  return {
    teams: teams.length,
    agents: agents.length,
    tickets: tickets.length,
    messages: messages.length,
    calls: calls.length,
    surveys: surveys.length,
    kbViews: kbViews.length,
    agentStatus: statuses.length,
  };
}

/** A message or survey may refer only to a ticket that is stored already or arrives in this batch. */
async function checkTicketReferences(tx: Tx, batch: IngestBatch, inBatch: Set<string>): Promise<void> {
  const refs = [
    ...(batch.messages ?? []).map((m, index) => ({ kind: "messages" as const, index, ticket: m.ticket })),
    ...(batch.surveys ?? []).flatMap((s, index) => (s.ticket ? [{ kind: "surveys" as const, index, ticket: s.ticket }] : [])),
  ].filter((ref) => !inBatch.has(ref.ticket));
  if (!refs.length) return;
  const wanted = [...new Set(refs.map((r) => r.ticket))];
  const found = await tx.$queryRaw<{ external_id: string }[]>`
    SELECT external_id FROM tickets WHERE external_id = ANY(${wanted}::text[])`;
  const known = new Set(found.map((row) => row.external_id));
  const errors = refs
    .filter((ref) => !known.has(ref.ticket))
    .map((ref) => ({
      kind: ref.kind,
      index: ref.index,
      field: "ticket",
      message: `unknown ticket "${ref.ticket}": send the ticket first or in the same batch`,
    }));
  if (errors.length) throw new IngestRejectedError(errors);
}
