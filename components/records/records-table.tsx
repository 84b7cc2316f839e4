"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";

import { enumLabel } from "@/lib/ingest/record-schemas";
import { formatDuration } from "@/lib/kpi/format-kpi-value";
import type { CallRow, TicketRow } from "@/lib/records/record-rows";

interface RecordsTableProps {
  kind: "tickets" | "calls";
  rows: TicketRow[] | CallRow[];
  timeZone: string;
  sort: string;
  dir: "asc" | "desc";
  /** The page's query string without sort, dir and page. */
  search: string;
}

const tickets = createColumnHelper<TicketRow>();
const calls = createColumnHelper<CallRow>();

function Moment({ iso, format }: { iso: string | null; format: Intl.DateTimeFormat }) {
  return iso ? <time dateTime={iso}>{format.format(new Date(iso))}</time> : <span className="text-slate-500 dark:text-slate-400">—</span>;
}

/**
 * Tickets or calls, sorted and paginated on the server (TanStack Table in manual mode): a column
 * header is a link that sorts by it, so sorting is in the URL like every other view.
 */
export function RecordsTable({ kind, rows, timeZone, sort, dir, search }: RecordsTableProps) {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const moment = (iso: string | null) => <Moment iso={iso} format={format} />;
  const ticketColumns = [
    tickets.accessor("externalId", {
      header: "Ticket",
      cell: (c) => (
        <Link className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" href={`/tickets/${encodeURIComponent(c.getValue())}`}>
          {c.getValue()}
        </Link>
      ),
    }),
    tickets.accessor("subject", { header: "Subject", enableSorting: false, cell: (c) => <span className="line-clamp-1">{c.getValue() ?? "—"}</span> }),
    tickets.accessor("channel", { header: "Channel", enableSorting: false, cell: (c) => enumLabel("channel", c.getValue()) }),
    tickets.accessor("priority", { header: "Priority", cell: (c) => enumLabel("priority", c.getValue()) }),
    tickets.accessor("status", { header: "Status", cell: (c) => enumLabel("ticketStatus", c.getValue()) }),
    tickets.accessor("team", { header: "Team", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    tickets.accessor("assignee", { header: "Assignee", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    tickets.accessor("createdAt", { header: "Created", cell: (c) => moment(c.getValue()) }),
    tickets.accessor("firstResponseAt", { header: "First response", cell: (c) => moment(c.getValue()) }),
    tickets.accessor("resolvedAt", { header: "Resolved", cell: (c) => moment(c.getValue()) }),
  ] as ColumnDef<TicketRow, unknown>[];
  const callColumns = [
    calls.accessor("externalId", { header: "Call" }),
    calls.accessor("direction", { header: "Direction", enableSorting: false, cell: (c) => enumLabel("callDirection", c.getValue()) }),
    calls.accessor("queue", { header: "Queue", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    calls.accessor("agent", { header: "Agent", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    calls.accessor("queuedAt", { header: "Queued", cell: (c) => moment(c.getValue()) }),
    calls.accessor("answeredAt", { header: "Answered", cell: (c) => moment(c.getValue()) }),
    calls.accessor("endedAt", { header: "Ended", cell: (c) => moment(c.getValue()) }),
    calls.accessor("waitSeconds", { header: "Wait", enableSorting: false, cell: (c) => (c.getValue() === null ? "—" : formatDuration(c.getValue()!)) }),
    calls.accessor("handleSeconds", { id: "talkSeconds", header: "Handle time", cell: (c) => (c.getValue() === null ? "—" : formatDuration(c.getValue()!)) }),
  ] as ColumnDef<CallRow, unknown>[];

  // The table is rebuilt from props on every render; nothing here relies on the compiler's memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<TicketRow | CallRow>({
    data: rows as (TicketRow | CallRow)[],
    columns: (kind === "tickets" ? ticketColumns : callColumns) as ColumnDef<TicketRow | CallRow, unknown>[],
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { sorting: [{ id: sort, desc: dir === "desc" }] },
  });
  const sortHref = (column: string) => {
    const params = new URLSearchParams(search);
    params.set("sort", column);
    params.set("dir", column === sort && dir === "desc" ? "asc" : "desc");
    return `?${params.toString()}`;
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="records-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 text-slate-500 dark:text-slate-400">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} className="whitespace-nowrap py-2 pr-4 font-medium" aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}>
                    {header.column.getCanSort() ? (
                      <Link href={sortHref(header.column.id)} className="hover:text-slate-900">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted ? (sorted === "desc" ? " ↓" : " ↑") : ""}
                      </Link>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 hover:bg-slate-50 dark:hover:bg-slate-800/50" data-testid="record-row">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="whitespace-nowrap py-2 pr-4 tabular-nums">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
