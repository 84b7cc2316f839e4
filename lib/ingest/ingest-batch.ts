import { retryOnConflict } from "@/lib/db/retry-on-conflict";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import {
  formatGap,
  isImpossiblyBefore,
  latest,
  type AgentRecord,
  type IngestBatch,
  type MessageRecord,
  type RecordError,
  type TeamRecord,
  type TicketRecord,
} from "./record-schemas";

// Stores a validated batch in one transaction with set-based statements: each kind is one
// INSERT ... SELECT FROM unnest(...) ON CONFLICT (external_id) DO UPDATE, so a batch of 5,000 costs
// a dozen round trips, and replaying a feed updates rows in place instead of duplicating them.
//
// Lock order. Concurrent batches about the same records (a help desk retrying, in another order)
// must not deadlock, so every batch takes its row locks in one order: tables in a fixed order
// (teams, queues, agents, tickets, messages, calls, surveys, kb views, agent status), each table
// written in one pass (or two passes over sorted keys, see `upsertTeams`) whose rows are processed
// sorted by key (`ORDER BY ... COLLATE "C"`: byte order, whatever the database's collation). The
// rollup triggers that follow each statement take their state rows FOR SHARE, which never waits for
// another batch, and mark dirty hours under the writing transaction's own key (migration
// 20261124010000), which never waits either. Any deadlock left is retried (`retryOnConflict`).

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
  const queueRefs = [...new Set(calls.flatMap((c) => (c.queue ? [c.queue] : [])))];

  return retryOnConflict(() =>
    prisma.$transaction(
      async (tx) => {
        const ticketCreatedAt = await checkTicketReferences(tx, batch, tickets);
        const storedMessages = messages.map((m) => clampToTicket(m, ticketCreatedAt.get(m.ticket)));

        await upsertTeams(tx, teams, teamRefs);
        if (queueRefs.length) {
          await tx.$executeRaw`
            INSERT INTO queues (external_id, name) SELECT ref, ref FROM unnest(${queueRefs}::text[]) AS ref
            ORDER BY ref COLLATE "C"
            ON CONFLICT (external_id) DO NOTHING`;
        }
        await upsertAgents(tx, agents, agentRefs);
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
            ORDER BY r.external_id COLLATE "C"
            ON CONFLICT (external_id) DO UPDATE SET
              channel = EXCLUDED.channel, priority = EXCLUDED.priority, subject = EXCLUDED.subject,
              team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id, status = EXCLUDED.status,
              created_at = EXCLUDED.created_at, first_response_at = EXCLUDED.first_response_at,
              resolved_at = EXCLUDED.resolved_at, reopens = EXCLUDED.reopens, ingested_at = now()`;
        }
        if (storedMessages.length) {
          const m = storedMessages;
          await tx.$executeRaw`
            INSERT INTO messages (external_id, ticket_id, author, agent_id, created_at, public)
            SELECT r.external_id, tk.id, r.author::"MessageAuthor", a.id, r.created_at, r.public
            FROM unnest(${col(m, (r) => r.externalId)}::text[], ${col(m, (r) => r.ticket)}::text[],
                        ${col(m, (r) => r.author)}::text[], ${col(m, (r) => r.agent)}::text[],
                        ${col(m, (r) => r.createdAt)}::timestamptz[], ${m.map((r) => r.public ?? true)}::boolean[])
                 AS r(external_id, ticket, author, agent, created_at, public)
            JOIN tickets tk ON tk.external_id = r.ticket
            LEFT JOIN agents a ON a.external_id = r.agent
            ORDER BY r.external_id COLLATE "C"
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
            ORDER BY r.external_id COLLATE "C"
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
            ORDER BY r.external_id COLLATE "C"
            ON CONFLICT (external_id) DO UPDATE SET
              kind = EXCLUDED.kind, score = EXCLUDED.score, responded_at = EXCLUDED.responded_at,
              ticket_id = EXCLUDED.ticket_id, agent_id = EXCLUDED.agent_id, team_id = EXCLUDED.team_id,
              comment = EXCLUDED.comment`;
        }
        if (kbViews.length) {
          await tx.$executeRaw`
            INSERT INTO kb_views (article, visitor, viewed_at)
            SELECT r.article, r.visitor, r.viewed_at
            FROM unnest(${col(kbViews, (r) => r.article)}::text[], ${col(kbViews, (r) => r.visitor)}::text[],
                        ${col(kbViews, (r) => r.viewedAt)}::timestamptz[]) AS r(article, visitor, viewed_at)
            ORDER BY r.article COLLATE "C", r.visitor COLLATE "C", r.viewed_at
            ON CONFLICT DO NOTHING`;
        }
        if (statuses.length) {
          await tx.$executeRaw`
            INSERT INTO agent_status_events (agent_id, status, at)
            SELECT a.id, r.status::"AgentPresence", r.at
            FROM unnest(${col(statuses, (r) => r.agent)}::text[], ${col(statuses, (r) => r.status)}::text[],
                        ${col(statuses, (r) => r.at)}::timestamptz[]) AS r(agent, status, at)
            JOIN agents a ON a.external_id = r.agent
            ORDER BY r.agent COLLATE "C", r.at
            ON CONFLICT (agent_id, at) DO UPDATE SET status = EXCLUDED.status`;
        }
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
      },
      { maxWait: 30_000, timeout: 120_000 },
    ),
  );
}

/**
 * Teams in two passes over one sorted list of keys: first every team the batch names or refers to
 * is made to exist (unknown ones named after their id, nothing locked that exists), then the named
 * ones are updated. One pass each for the named and the referred teams would lock them in two
 * interleaved orders, and two batches naming each other's references would deadlock.
 */
async function upsertTeams(tx: Tx, teams: TeamRecord[], refs: Set<string>): Promise<void> {
  const all = withReferences(teams, refs, (externalId) => ({ externalId, name: externalId }));
  if (!all.length) return;
  await tx.$executeRaw`
    INSERT INTO teams (external_id, name)
    SELECT r.external_id, r.name FROM unnest(${col(all, (t) => t.externalId)}::text[], ${col(all, (t) => t.name)}::text[]) AS r(external_id, name)
    ORDER BY r.external_id COLLATE "C"
    ON CONFLICT (external_id) DO NOTHING`;
  if (!teams.length) return;
  await tx.$executeRaw`
    INSERT INTO teams (external_id, name)
    SELECT r.external_id, r.name FROM unnest(${col(teams, (t) => t.externalId)}::text[], ${col(teams, (t) => t.name)}::text[]) AS r(external_id, name)
    ORDER BY r.external_id COLLATE "C"
    ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`;
}

/** Agents as teams (`upsertTeams`); optional fields left out of a record keep their stored value. */
async function upsertAgents(tx: Tx, agents: AgentRecord[], refs: Set<string>): Promise<void> {
  const all = withReferences(agents, refs, (externalId): AgentRecord => ({ externalId, name: externalId }));
  if (!all.length) return;
  const rows = (list: AgentRecord[]) => Prisma.sql`
    SELECT r.external_id, r.name, r.email, t.id
    FROM unnest(${col(list, (a) => a.externalId)}::text[], ${col(list, (a) => a.name)}::text[],
                ${col(list, (a) => a.email)}::text[], ${col(list, (a) => a.team)}::text[]) AS r(external_id, name, email, team)
    LEFT JOIN teams t ON t.external_id = r.team
    ORDER BY r.external_id COLLATE "C"`;
  await tx.$executeRaw`INSERT INTO agents (external_id, name, email, team_id) ${rows(all)} ON CONFLICT (external_id) DO NOTHING`;
  if (!agents.length) return;
  await tx.$executeRaw`
    INSERT INTO agents (external_id, name, email, team_id) ${rows(agents)}
    ON CONFLICT (external_id) DO UPDATE SET
      name = EXCLUDED.name,
      email = COALESCE(EXCLUDED.email, agents.email),
      team_id = COALESCE(EXCLUDED.team_id, agents.team_id),
      updated_at = now()`;
}

/** The records, and a stand-in record for each reference that no record names. */
function withReferences<T extends { externalId: string }>(records: T[], refs: Set<string>, standIn: (externalId: string) => T): T[] {
  const named = new Set(records.map((r) => r.externalId));
  return [...records, ...[...refs].filter((ref) => !named.has(ref)).map(standIn)];
}

/** A message stamped up to the clock-skew tolerance before its ticket was created is stored at the ticket's creation. */
function clampToTicket(message: MessageRecord, ticketCreatedAt: string | undefined): MessageRecord {
  return ticketCreatedAt ? { ...message, createdAt: latest(message.createdAt, ticketCreatedAt) } : message;
}

/**
 * A message or survey may refer only to a ticket that is stored already or arrives in this batch,
 * and a message cannot be older than its ticket. Returns when each ticket a message is about was
 * created (as the batch has it, or else as stored).
 */
async function checkTicketReferences(tx: Tx, batch: IngestBatch, batchTickets: TicketRecord[]): Promise<Map<string, string>> {
  const createdAt = new Map(batchTickets.map((t) => [t.externalId, t.createdAt]));
  const refs = [
    ...(batch.messages ?? []).map((m, index) => ({ kind: "messages" as const, index, ticket: m.ticket })),
    ...(batch.surveys ?? []).flatMap((s, index) => (s.ticket ? [{ kind: "surveys" as const, index, ticket: s.ticket }] : [])),
  ];
  const wanted = [...new Set(refs.map((r) => r.ticket).filter((ticket) => !createdAt.has(ticket)))];
  if (wanted.length) {
    const found = await tx.$queryRaw<{ external_id: string; created_at: Date }[]>`
      SELECT external_id, created_at FROM tickets WHERE external_id = ANY(${wanted}::text[])`;
    for (const row of found) createdAt.set(row.external_id, row.created_at.toISOString());
  }
  const errors: RecordError[] = refs
    .filter((ref) => !createdAt.has(ref.ticket))
    .map((ref) => ({
      kind: ref.kind,
      index: ref.index,
      field: "ticket",
      message: `unknown ticket "${ref.ticket}": send the ticket first or in the same batch`,
    }));
  (batch.messages ?? []).forEach((message, index) => {
    const ticketCreatedAt = createdAt.get(message.ticket);
    if (ticketCreatedAt && isImpossiblyBefore(message.createdAt, ticketCreatedAt)) {
      const gap = formatGap(Date.parse(ticketCreatedAt) - Date.parse(message.createdAt));
      errors.push({
        kind: "messages",
        index,
        field: "createdAt",
        message: `must not be before its ticket "${message.ticket}" was created (${ticketCreatedAt}; it is ${gap} earlier)`,
      });
    }
  });
  if (errors.length) throw new IngestRejectedError(errors);
  return createdAt;
}
