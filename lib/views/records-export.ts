import "server-only";

import type { z } from "zod";

import { datetime, kpiColumn, text, type ExportCell, type ExportTable, type ZExportQuery } from "@/lib/exports/export-table";
import { exportResponse } from "@/lib/exports/write-export";
import { problem } from "@/lib/http/problem";
import { enumLabel } from "@/lib/ingest/record-schemas";
import type { RecordsList } from "@/lib/kpi/catalog";
import { allCalls, allTickets, MAX_EXPORT_ROWS } from "@/lib/records/list-records";
import { callRow, ticketRow, type CallRow, type TicketRow } from "@/lib/records/record-rows";

import type { SearchParams, ViewerContext } from "./drill-context";
import { recordsQuery } from "./records-page";
import { refusalProblem, type PageView } from "./page-view";

// A records list as a file: every record the list holds with its current filters, KPI, agents and
// sort (not only the page on screen), in the list's columns.

const when = (iso: string | null) => (iso ? new Date(iso) : null);

const TICKET_COLUMNS = [
  text("Ticket"), text("Subject"), text("Channel"), text("Priority"), text("Status"), text("Team"), text("Assignee"),
  datetime("Created"), datetime("First response"), datetime("Resolved"),
];
const ticketCells = (t: TicketRow): ExportCell[] => [
  t.externalId, t.subject, enumLabel("channel", t.channel), enumLabel("priority", t.priority), enumLabel("ticketStatus", t.status), t.team, t.assignee,
  when(t.createdAt), when(t.firstResponseAt), when(t.resolvedAt),
];

const CALL_COLUMNS = [
  text("Call"), text("Direction"), text("Queue"), text("Agent"), text("Team"),
  datetime("Queued"), datetime("Answered"), datetime("Ended"), kpiColumn("Wait", "seconds"), kpiColumn("Handle time", "seconds"),
];
const callCells = (c: CallRow): ExportCell[] => [
  c.externalId, enumLabel("callDirection", c.direction), c.queue, c.agent, c.team,
  when(c.queuedAt), when(c.answeredAt), when(c.endedAt), c.waitSeconds, c.handleSeconds,
];

async function* cellsOf<R, S>(records: AsyncIterable<R>, row: (record: R) => S, cells: (row: S) => ExportCell[]): AsyncGenerator<ExportCell[]> {
  for await (const record of records) yield cells(row(record));
}

export type RecordsExport = PageView<ExportTable> | { ok: false; outcome: "too-many" };

export async function recordsExport(context: ViewerContext, kind: RecordsList, searchParams: SearchParams): Promise<RecordsExport> {
  const asked = await recordsQuery(context, kind, searchParams);
  if (!asked.ok) return asked;
  const { drill, set, kpi, timeZone, dir, ...list } = asked.view;
  const query = { window: drill.window, filters: drill.scoped, set, dir };
  const title = `${list.kind === "tickets" ? "Tickets" : "Calls"}${kpi ? ` - ${kpi.name}` : ""}`;
  if (list.kind === "tickets") {
    const records = await allTickets(drill.prisma, { ...query, basis: list.basis, sort: list.sort });
    return records ? { ok: true, view: { title, timeZone, columns: TICKET_COLUMNS, rows: cellsOf(records, ticketRow, ticketCells) } } : { ok: false, outcome: "too-many" };
  }
  const records = await allCalls(drill.prisma, { ...query, sort: list.sort });
  return records ? { ok: true, view: { title, timeZone, columns: CALL_COLUMNS, rows: cellsOf(records, callRow, callCells) } } : { ok: false, outcome: "too-many" };
}

/** GET /api/v1/records/<list>/export?format=csv|xlsx&<the list's filters, KPI, agents and sort>. */
export async function handleRecordsExport(context: ViewerContext, kind: RecordsList, { format, ...searchParams }: z.output<typeof ZExportQuery>): Promise<Response> {
  const result = await recordsExport(context, kind, searchParams);
  if (result.ok) return exportResponse(result.view, format);
  if (result.outcome === "too-many") {
    return problem(400, "too_many_records", `More than ${MAX_EXPORT_ROWS.toLocaleString("en-US")} records: narrow the period or the filters.`);
  }
  return refusalProblem(result);
}
