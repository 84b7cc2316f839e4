import { TZDate } from "@date-fns/tz";

import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface TodaySummary {
  from: Date;
  to: Date;
  timeZone: string;
  ticketVolume: number;
  ticketsSolved: number;
  openBacklog: number;
  computedAt: Date;
}

/** Today's local day in `timeZone` as [from, to): midnight to the next midnight, DST-aware. */
export function todayWindow(now: Date, timeZone: string): { from: Date; to: Date } {
  const local = new TZDate(now.getTime(), timeZone);
  const from = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, 0, timeZone);
  const to = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timeZone);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}

interface SummaryRow {
  ticket_volume: number;
  tickets_solved: number;
  open_backlog: number;
}

/**
 * The home page's first numbers, with the definitions of SPEC section 3: volume by `created_at`,
 * solved by `resolved_at` in the window, backlog = created before `to` and not resolved by `to`.
 */
export async function getTodaySummary(prisma: PrismaClient, timeZone: string, now = new Date()): Promise<TodaySummary> {
  const { from, to } = todayWindow(now, timeZone);
  const [row] = await prisma.$queryRaw<SummaryRow[]>`
    SELECT
      (SELECT count(*) FROM tickets WHERE created_at >= ${from} AND created_at < ${to})::int AS ticket_volume,
      (SELECT count(*) FROM tickets WHERE resolved_at >= ${from} AND resolved_at < ${to})::int AS tickets_solved,
      (SELECT count(*) FROM tickets WHERE created_at < ${to} AND (resolved_at IS NULL OR resolved_at >= ${to}))::int AS open_backlog`;
  return {
    from,
    to,
    timeZone,
    ticketVolume: row?.ticket_volume ?? 0,
    ticketsSolved: row?.tickets_solved ?? 0,
    openBacklog: row?.open_backlog ?? 0,
    computedAt: new Date(),
  };
}
