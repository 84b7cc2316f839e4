import { z } from "zod";

import { Prisma } from "@/lib/generated/prisma/client";
import { CHANNELS } from "@/lib/ingest/record-schemas";

/** What every KPI query takes: a window [from, to), the zone it is read in, and filters. */
export interface KpiQuery {
  from: Date;
  to: Date;
  timeZone: string;
  filters: KpiFilters;
  /** "Now" for live KPIs and for "resolved by now"; injectable for tests. */
  now: Date;
  /** Service-level threshold T in seconds. */
  serviceLevelSeconds: number;
}

/** Filters by externalId (channels by name); several values of one dimension are alternatives. */
export const ZKpiFilters = z.object({
  team: z.array(z.string().min(1)).default([]),
  agent: z.array(z.string().min(1)).default([]),
  channel: z.array(z.enum(CHANNELS)).default([]),
  queue: z.array(z.string().min(1)).default([]),
});
export type KpiFilters = z.infer<typeof ZKpiFilters>;

export const NO_FILTERS: KpiFilters = { team: [], agent: [], channel: [], queue: [] };

/** The columns through which one kind of record has each dimension; absent = it has none. */
export interface DimensionColumns {
  team?: Prisma.Sql;
  agent?: Prisma.Sql;
  channel?: Prisma.Sql;
  queue?: Prisma.Sql;
}

/**
 * The WHERE conditions for the filters, as bound parameters. A filter on a dimension that a kind
 * of record does not have (a queue for tickets, a team for knowledge-base views) matches none of
 * them: the KPI then has no data for that filter, rather than silently ignoring it.
 */
export function filterConditions(filters: KpiFilters, columns: DimensionColumns): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const add = (values: string[], column: Prisma.Sql | undefined, lookup: (column: Prisma.Sql) => Prisma.Sql) => {
    if (values.length === 0) return;
    parts.push(column ? lookup(column) : Prisma.sql`false`);
  };
  add(filters.team, columns.team, (c) => Prisma.sql`${c} IN (SELECT id FROM teams WHERE external_id = ANY(${filters.team}::text[]))`);
  add(filters.agent, columns.agent, (c) => Prisma.sql`${c} IN (SELECT id FROM agents WHERE external_id = ANY(${filters.agent}::text[]))`);
  add(filters.channel, columns.channel, (c) => Prisma.sql`${c}::text = ANY(${filters.channel}::text[])`);
  add(filters.queue, columns.queue, (c) => Prisma.sql`${c} IN (SELECT id FROM queues WHERE external_id = ANY(${filters.queue}::text[]))`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}
