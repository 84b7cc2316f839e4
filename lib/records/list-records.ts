import { z } from "zod";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getKpiDefinition, recordsListOf, type KpiKey, type RecordsBasis } from "@/lib/kpi/catalog";
import type { KpiFilters } from "@/lib/kpi/kpi-query";
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

export const TICKET_SORTS = ["createdAt", "firstResponseAt", "resolvedAt", "externalId", "status", "priority"] as const;
export const CALL_SORTS = ["endedAt", "queuedAt", "answeredAt", "talkSeconds", "externalId"] as const;

export const ZListParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});

const NULLABLE = new Set(["firstResponseAt", "resolvedAt", "queuedAt", "answeredAt", "endedAt"]);
/** Missing timestamps sort last either way; Prisma accepts `nulls` only on optional columns. */
const orderOf = (sort: string, dir: "asc" | "desc") => [NULLABLE.has(sort) ? { [sort]: { sort: dir, nulls: "last" } } : { [sort]: dir }, { id: dir }];

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

export async function listTickets(
  prisma: PrismaClient,
  q: { window: TimeWindow; filters: KpiFilters; basis: TicketBasis; sort: (typeof TICKET_SORTS)[number]; dir: "asc" | "desc"; page: number },
) {
  const where = ticketWhere(q.window, q.filters, q.basis);
  const [total, rows] = await Promise.all([
    prisma.ticket.count({ where }),
    prisma.ticket.findMany({
      where,
      orderBy: orderOf(q.sort, q.dir),
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        externalId: true, subject: true, channel: true, priority: true, status: true, reopens: true,
        createdAt: true, firstResponseAt: true, resolvedAt: true,
        team: { select: { externalId: true, name: true } },
        assignee: { select: { externalId: true, name: true } },
      },
    }),
  ]);
  return { total, rows };
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

export async function listCalls(
  prisma: PrismaClient,
  q: { window: TimeWindow; filters: KpiFilters; sort: (typeof CALL_SORTS)[number]; dir: "asc" | "desc"; page: number },
) {
  const where = callWhere(q.window, q.filters);
  const [total, rows] = await Promise.all([
    prisma.call.count({ where }),
    prisma.call.findMany({
      where,
      orderBy: orderOf(q.sort, q.dir),
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        externalId: true, direction: true, queuedAt: true, answeredAt: true, endedAt: true,
        talkSeconds: true, holdSeconds: true, wrapUpSeconds: true,
        queue: { select: { externalId: true, name: true } },
        agent: { select: { externalId: true, name: true } },
        team: { select: { externalId: true, name: true } },
      },
    }),
  ]);
  return { total, rows };
}
