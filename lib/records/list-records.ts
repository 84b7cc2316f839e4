import { z } from "zod";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { getKpiDefinition, recordsListOf, type KpiKey, type RecordsBasis } from "@/lib/kpi/catalog";
import type { TypedSet } from "@/lib/kpi/custom/formula-tree";
import { conditionSql, recordSource } from "@/lib/kpi/custom/record-set-sql";
import { NO_GROUPING, type KpiFilters, type KpiQuery } from "@/lib/kpi/kpi-query";
import { count } from "@/lib/kpi/kpi-result";
import type { TimeWindow } from "@/lib/kpi/time-windows";

// The tickets and calls behind a number: the same window, filters and timestamp the KPI counts on,
// so a list's total equals the count it was opened from.

export const PAGE_SIZE = 25;

/** Which timestamp puts a ticket in the window: the bases of the KPIs the catalog backs with this list. */
export type TicketBasis = RecordsBasis<"tickets">;

/** The basis the KPI counts tickets on (its catalog entry's), or null for a KPI that does not count tickets (CSAT). */
export function ticketBasisFor(kpi: KpiKey): TicketBasis | null {
  // A KPI whose family the tickets list backs has one of that list's bases: RecordsBasis is made of them.
  return recordsListOf(kpi) === "tickets" ? (getKpiDefinition(kpi).basis as TicketBasis) : null;
}

const TICKET_BASES = ["created", "resolved", "first_response", "open"] as const satisfies readonly TicketBasis[];

export function isTicketBasis(basis: string): basis is TicketBasis {
  return (TICKET_BASES as readonly string[]).includes(basis);
}

/**
 * A custom KPI's record set as the list's filter (lib/kpi/custom/formula-records.ts): the list
 * reads the set's rows through the engine's own `recordSource` and `conditionSql`, so that what it
 * lists is what the formula counts. `now` and the service-level threshold are what its fields
 * (resolved by now, within the service level) are measured against.
 */
export interface SetFilter {
  set: TypedSet;
  timeZone: string;
  now: Date;
  serviceLevelSeconds: number;
}

export const TICKET_SORTS = ["createdAt", "firstResponseAt", "resolvedAt", "externalId", "status", "priority"] as const;
export const CALL_SORTS = ["endedAt", "queuedAt", "answeredAt", "talkSeconds", "externalId"] as const;

export const ZListParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});

const NULLABLE = new Set(["firstResponseAt", "resolvedAt", "queuedAt", "answeredAt", "endedAt"]);
/** Missing timestamps sort last either way; Prisma accepts `nulls` only on optional columns. */
const orderOf = (sort: string, dir: "asc" | "desc") => [NULLABLE.has(sort) ? { [sort]: { sort: dir, nulls: "last" } } : { [sort]: dir }, { id: dir }];

const DIRECTION = { asc: Prisma.sql`ASC`, desc: Prisma.sql`DESC` } as const;

/** A custom KPI's set as a FROM and a WHERE: the engine's own source and condition. */
function setSql(filter: SetFilter, q: { window: TimeWindow; filters: KpiFilters }): { from: Prisma.Sql; where: Prisma.Sql } {
  const query: KpiQuery = { ...q.window, timeZone: filter.timeZone, filters: q.filters, now: filter.now, serviceLevelSeconds: filter.serviceLevelSeconds, grouping: NO_GROUPING };
  // The clocks matter only to replies, which no list shows; the listed sets' fields read the query's.
  const source = recordSource(filter.set, query, NO_GROUPING, new Set());
  const where = filter.set.where ? Prisma.sql`AND ${conditionSql(filter.set.where, source, query)}` : Prisma.empty;
  return { from: source.from, where: Prisma.sql`${source.where} ${where}` };
}

/** The ids of a custom KPI's set in the list's order, `limit` of them from `offset`. */
async function setIds(
  prisma: PrismaClient,
  filter: SetFilter,
  q: { window: TimeWindow; filters: KpiFilters; dir: "asc" | "desc" },
  id: Prisma.Sql,
  sortColumn: Prisma.Sql,
  slice: { limit: number; offset: number },
): Promise<number[]> {
  const { from, where } = setSql(filter, q);
  const dir = DIRECTION[q.dir];
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT ${id} AS id FROM ${from} WHERE ${where}
    ORDER BY ${sortColumn} ${dir} NULLS LAST, ${id} ${dir}
    LIMIT ${slice.limit} OFFSET ${slice.offset}`;
  return rows.map((row) => Number(row.id));
}

/** One page of the ids of a custom KPI's set, in the list's order, and how many there are. */
async function setPage(
  prisma: PrismaClient,
  filter: SetFilter,
  q: { window: TimeWindow; filters: KpiFilters; dir: "asc" | "desc"; page: number },
  id: Prisma.Sql,
  sortColumn: Prisma.Sql,
): Promise<{ total: number; ids: number[] }> {
  const { from, where } = setSql(filter, q);
  const [[counted], ids] = await Promise.all([
    prisma.$queryRaw<{ n: unknown }[]>`SELECT count(*) AS n FROM ${from} WHERE ${where}`,
    setIds(prisma, filter, q, id, sortColumn, { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE }),
  ]);
  return { total: count(counted?.n), ids };
}

/** Rows fetched by id, back in the order of the ids. */
const inOrderOf = <R extends { id: number }>(ids: number[], rows: R[]): R[] => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

/** At most this many records go into one export: an XLSX sheet holds 1,048,576 rows. */
export const MAX_EXPORT_ROWS = 1_000_000;
const EXPORT_BATCH = 1000;

/** The records of `ids`, in their order, fetched a batch at a time as the reader asks for them. */
async function* inBatches<R extends { id: number }>(ids: number[], fetch: (batch: number[]) => Promise<R[]>): AsyncGenerator<R> {
  for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
    const batch = ids.slice(i, i + EXPORT_BATCH);
    yield* inOrderOf(batch, await fetch(batch));
  }
}

const inList = (values: string[]) => (values.length ? { externalId: { in: values } } : undefined);

function ticketWhere(window: TimeWindow, filters: KpiFilters, basis: TicketBasis): Prisma.TicketWhereInput {
  const range = { gte: window.from, lt: window.to };
  const when: Prisma.TicketWhereInput =
    basis === "created"
      ? { createdAt: range }
      : basis === "resolved"
        ? { resolvedAt: range }
        : basis === "first_response"
          ? { firstResponseAt: range }
          : { createdAt: { lt: window.to }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: window.to } }] };
  return {
    ...when,
    ...(filters.team.length ? { team: inList(filters.team) } : {}),
    ...(filters.agent.length ? { assignee: inList(filters.agent) } : {}),
    ...(filters.channel.length ? { channel: { in: filters.channel } } : {}),
    // Tickets have no queue: a queue filter matches none, as it does for the KPIs.
    ...(filters.queue.length ? { id: -1 } : {}),
  };
}

const TICKET_SELECT = {
  id: true, externalId: true, subject: true, channel: true, priority: true, status: true, reopens: true,
  createdAt: true, firstResponseAt: true, resolvedAt: true,
  team: { select: { externalId: true, name: true } },
  assignee: { select: { externalId: true, name: true } },
} satisfies Prisma.TicketSelect;

export type TicketRecord = Prisma.TicketGetPayload<{ select: typeof TICKET_SELECT }>;

const TICKET_SORT_SQL: Record<(typeof TICKET_SORTS)[number], Prisma.Sql> = {
  createdAt: Prisma.sql`t.created_at`, firstResponseAt: Prisma.sql`t.first_response_at`, resolvedAt: Prisma.sql`t.resolved_at`,
  externalId: Prisma.sql`t.external_id`, status: Prisma.sql`t.status`, priority: Prisma.sql`t.priority`,
};

/** The tickets on `basis` in the window, or with `set` those of a custom KPI's set (its basis and condition). */
export async function listTickets(
  prisma: PrismaClient,
  q: { window: TimeWindow; filters: KpiFilters; basis: TicketBasis; set?: SetFilter; sort: (typeof TICKET_SORTS)[number]; dir: "asc" | "desc"; page: number },
) {
  if (q.set) {
    const { total, ids } = await setPage(prisma, q.set, q, Prisma.sql`t.id`, TICKET_SORT_SQL[q.sort]);
    return { total, rows: inOrderOf(ids, await prisma.ticket.findMany({ where: { id: { in: ids } }, select: TICKET_SELECT })) };
  }
  const where = ticketWhere(q.window, q.filters, q.basis);
  const [total, rows] = await Promise.all([
    prisma.ticket.count({ where }),
    prisma.ticket.findMany({ where, orderBy: orderOf(q.sort, q.dir), skip: (q.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: TICKET_SELECT }),
  ]);
  return { total, rows };
}

/**
 * Every ticket of the list in its order, for an export: the ids in one statement first (so a bad
 * filter or an outage fails before a byte is sent, and the file is the list as it stood then),
 * the rows a batch at a time as the file is written. Null when there are more than MAX_EXPORT_ROWS.
 */
export async function allTickets(
  prisma: PrismaClient,
  q: { window: TimeWindow; filters: KpiFilters; basis: TicketBasis; set?: SetFilter; sort: (typeof TICKET_SORTS)[number]; dir: "asc" | "desc" },
): Promise<AsyncIterable<TicketRecord> | null> {
  const slice = { limit: MAX_EXPORT_ROWS + 1, offset: 0 };
  const ids = q.set
    ? await setIds(prisma, q.set, q, Prisma.sql`t.id`, TICKET_SORT_SQL[q.sort], slice)
    : (await prisma.ticket.findMany({ where: ticketWhere(q.window, q.filters, q.basis), orderBy: orderOf(q.sort, q.dir), take: slice.limit, select: { id: true } })).map((row) => row.id);
  if (ids.length > MAX_EXPORT_ROWS) return null;
  return inBatches(ids, (batch) => prisma.ticket.findMany({ where: { id: { in: batch } }, select: TICKET_SELECT }));
}

function callWhere(window: TimeWindow, filters: KpiFilters): Prisma.CallWhereInput {
  return {
    endedAt: { gte: window.from, lt: window.to },
    ...(filters.team.length ? { team: inList(filters.team) } : {}),
    ...(filters.agent.length ? { agent: inList(filters.agent) } : {}),
    ...(filters.queue.length ? { queue: inList(filters.queue) } : {}),
    // Every call is on the phone channel.
    ...(filters.channel.length && !filters.channel.includes("phone") ? { id: -1 } : {}),
  };
}

const CALL_SELECT = {
  id: true, externalId: true, direction: true, queuedAt: true, answeredAt: true, endedAt: true,
  talkSeconds: true, holdSeconds: true, wrapUpSeconds: true,
  queue: { select: { externalId: true, name: true } },
  agent: { select: { externalId: true, name: true } },
  team: { select: { externalId: true, name: true } },
} satisfies Prisma.CallSelect;

export type CallRecord = Prisma.CallGetPayload<{ select: typeof CALL_SELECT }>;

const CALL_SORT_SQL: Record<(typeof CALL_SORTS)[number], Prisma.Sql> = {
  endedAt: Prisma.sql`c.ended_at`, queuedAt: Prisma.sql`c.queued_at`, answeredAt: Prisma.sql`c.answered_at`,
  talkSeconds: Prisma.sql`c.talk_seconds`, externalId: Prisma.sql`c.external_id`,
};

/** The calls that ended in the window, or with `set` those of a custom KPI's set (its condition). */
export async function listCalls(
  prisma: PrismaClient,
  q: { window: TimeWindow; filters: KpiFilters; set?: SetFilter; sort: (typeof CALL_SORTS)[number]; dir: "asc" | "desc"; page: number },
) {
  if (q.set) {
    const { total, ids } = await setPage(prisma, q.set, q, Prisma.sql`c.id`, CALL_SORT_SQL[q.sort]);
    return { total, rows: inOrderOf(ids, await prisma.call.findMany({ where: { id: { in: ids } }, select: CALL_SELECT })) };
  }
  const where = callWhere(q.window, q.filters);
  const [total, rows] = await Promise.all([
    prisma.call.count({ where }),
    prisma.call.findMany({ where, orderBy: orderOf(q.sort, q.dir), skip: (q.page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: CALL_SELECT }),
  ]);
  return { total, rows };
}

/** Every call of the list in its order, for an export, as `allTickets`. */
export async function allCalls(
  prisma: PrismaClient,
  q: { window: TimeWindow; filters: KpiFilters; set?: SetFilter; sort: (typeof CALL_SORTS)[number]; dir: "asc" | "desc" },
): Promise<AsyncIterable<CallRecord> | null> {
  const slice = { limit: MAX_EXPORT_ROWS + 1, offset: 0 };
  const ids = q.set
    ? await setIds(prisma, q.set, q, Prisma.sql`c.id`, CALL_SORT_SQL[q.sort], slice)
    : (await prisma.call.findMany({ where: callWhere(q.window, q.filters), orderBy: orderOf(q.sort, q.dir), take: slice.limit, select: { id: true } })).map((row) => row.id);
  if (ids.length > MAX_EXPORT_ROWS) return null;
  return inBatches(ids, (batch) => prisma.call.findMany({ where: { id: { in: batch } }, select: CALL_SELECT }));
}
