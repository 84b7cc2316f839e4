import type { Metadata } from "next";
import Link from "next/link";

import { DrillPage, Panel } from "@/components/drill/page-frame";
import { RefusedPage } from "@/components/drill/refused-page";
import { requirePage } from "@/lib/auth/guards";
import { enumLabel } from "@/lib/ingest/record-schemas";
import { formatDuration } from "@/lib/kpi/format-kpi-value";
import { ticketPageView } from "@/lib/views/ticket-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ticket" };

/** One ticket: its timestamps in the organisation's zone, its messages and its survey. */
export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const result = await ticketPageView(await requirePage(), (await params).id);
  if (!result.ok) return <RefusedPage refusal={result} />;
  const { ticket, timeZone } = result.view;
  const when = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "medium" });
  const at = (d: Date | null) => (d ? when.format(d) : "—");
  const since = (d: Date | null) => (d ? ` (${formatDuration((d.getTime() - ticket.createdAt.getTime()) / 1000)} after creation)` : "");

  return (
    <DrillPage crumbs={[{ href: "/", label: "Dashboards" }, { href: "/records/tickets", label: "Tickets" }]} title={ticket.subject ?? ticket.externalId} subtitle={`${ticket.externalId} · ${enumLabel("channel", ticket.channel)} · ${enumLabel("priority", ticket.priority)} priority · ${enumLabel("ticketStatus", ticket.status)}`}>
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Timeline">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Created</dt>
            <dd>{at(ticket.createdAt)}</dd>
            <dt className="text-slate-500 dark:text-slate-400">First response</dt>
            <dd>
              {at(ticket.firstResponseAt)}
              {since(ticket.firstResponseAt)}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Resolved</dt>
            <dd>
              {at(ticket.resolvedAt)}
              {since(ticket.resolvedAt)}
            </dd>
            <dt className="text-slate-500 dark:text-slate-400">Reopened</dt>
            <dd>{ticket.reopens} times</dd>
            <dt className="text-slate-500 dark:text-slate-400">Team</dt>
            <dd>{ticket.team ? <Link className="text-indigo-700 dark:text-indigo-300 hover:underline" href={`/teams/${encodeURIComponent(ticket.team.externalId)}`}>{ticket.team.name}</Link> : "—"}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Assignee</dt>
            <dd>{ticket.assignee ? <Link className="text-indigo-700 dark:text-indigo-300 hover:underline" href={`/agents/${encodeURIComponent(ticket.assignee.externalId)}`}>{ticket.assignee.name}</Link> : "—"}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Time zone</dt>
            <dd>{timeZone}</dd>
          </dl>
        </Panel>
        <Panel title={`Messages (${ticket.messages.length})`} testId="ticket-messages">
          {ticket.messages.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No messages recorded.</p>
          ) : (
            <ol className="space-y-3 text-sm">
              {ticket.messages.map((m) => (
                <li key={m.id} className="border-l-2 border-slate-200 pl-3">
                  <p className="font-medium">
                    {m.author === "customer" ? "Customer" : (m.agent?.name ?? "Agent")}
                    {!m.public && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">Private note</span>}
                  </p>
                  <p className="text-slate-500 dark:text-slate-400">{at(m.createdAt)}</p>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title="Survey">
          {ticket.surveys.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No survey response for this ticket.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {ticket.surveys.map((s) => (
                <li key={s.id}>
                  <p className="font-medium uppercase">
                    {enumLabel("surveyKind", s.kind)} {s.score}
                  </p>
                  <p className="text-slate-500 dark:text-slate-400">{at(s.respondedAt)}</p>
                  {s.comment && <p className="mt-1 italic">“{s.comment}”</p>}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </DrillPage>
  );
}
