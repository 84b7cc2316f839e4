import type { CallRecord, TicketRecord } from "./list-records";

// A listed ticket or call as the records table shows it and an export writes it: one shaping, so
// the file holds what the screen holds (a call's wait and handle time are worked out here only).

export interface TicketRow {
  externalId: string;
  subject: string | null;
  channel: string;
  priority: string;
  status: string;
  team: string | null;
  assignee: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

export interface CallRow {
  externalId: string;
  direction: string;
  queue: string | null;
  agent: string | null;
  team: string | null;
  queuedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  handleSeconds: number | null;
}

export function ticketRow(t: TicketRecord): TicketRow {
  return {
    externalId: t.externalId,
    subject: t.subject,
    channel: t.channel,
    priority: t.priority,
    status: t.status,
    team: t.team?.name ?? null,
    assignee: t.assignee?.name ?? null,
    createdAt: t.createdAt.toISOString(),
    firstResponseAt: t.firstResponseAt?.toISOString() ?? null,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
  };
}

export function callRow(c: CallRecord): CallRow {
  return {
    externalId: c.externalId,
    direction: c.direction,
    queue: c.queue?.name ?? null,
    agent: c.agent?.name ?? null,
    team: c.team?.name ?? null,
    queuedAt: c.queuedAt?.toISOString() ?? null,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    waitSeconds: c.answeredAt ? Math.max(0, (c.answeredAt.getTime() - (c.queuedAt ?? c.answeredAt).getTime()) / 1000) : null,
    handleSeconds: c.answeredAt ? c.talkSeconds + c.holdSeconds + c.wrapUpSeconds : null,
  };
}
