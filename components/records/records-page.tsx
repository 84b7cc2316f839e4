import { InvalidFilters } from "@/components/dashboard/invalid-filters";
import { drillContext, withParam, type SearchParams } from "@/components/drill/drill-context";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { getKpiDefinition, isKpiKey } from "@/lib/kpi/catalog";
import { CALL_SORTS, listCalls, listTickets, PAGE_SIZE, TICKET_SORTS, ticketBasisFor, ZListParams } from "@/lib/records/list-records";

import { Pager } from "./pager";
import { RecordsTable } from "./records-table";

const BASIS_WORDS = { created: "created", resolved: "resolved", first_response: "first answered", open: "open at the end of" } as const;

/** The tickets or calls behind a number, with the filters (and agent) it was opened with. */
export async function RecordsPage({ kind, searchParams }: { kind: "tickets" | "calls"; searchParams: SearchParams }) {
  const ctx = await drillContext(searchParams);
  if (ctx.invalid) return <InvalidFilters parameter={ctx.invalid.parameter} message={ctx.invalid.message} />;
  const kpi = typeof searchParams.kpi === "string" && isKpiKey(searchParams.kpi) ? searchParams.kpi : undefined;
  const { page, dir } = ZListParams.parse(searchParams);
  const agents = ctx.scoped.agent;
  // The list's own query string: the filters, the agents and the KPI it was opened from.
  const params = new URLSearchParams(ctx.search);
  for (const agent of [searchParams.agent ?? []].flat()) params.append("agent", agent);
  if (kpi) params.set("kpi", kpi);
  const search = params.size ? `?${params.toString()}` : "";

  let table;
  let total;
  let subtitle;
  let sort: string;
  if (kind === "tickets") {
    const kpiBasis = kpi ? ticketBasisFor(kpi) : null;
    // Opened without a KPI that counts tickets (from an agent, or from CSAT): the tickets created in the period.
    const basis = kpiBasis ?? "created";
    const ticketSort = TICKET_SORTS.find((s) => s === searchParams.sort) ?? (basis === "resolved" ? "resolvedAt" : basis === "first_response" ? "firstResponseAt" : "createdAt");
    sort = ticketSort;
    const result = await listTickets(ctx.prisma, { window: ctx.window, filters: ctx.scoped, basis, sort: ticketSort, dir, page });
    total = result.total;
    subtitle = `Tickets ${BASIS_WORDS[basis]} ${basis === "open" ? "the period" : "in the period"}${kpi && kpiBasis ? `, as ${getKpiDefinition(kpi).name} counts them` : ""}.`;
    table = (
      <RecordsTable
        kind="tickets"
        timeZone={ctx.org.timeZone}
        sort={sort}
        dir={dir}
        search={search}
        rows={result.rows.map((t) => ({
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
        }))}
      />
    );
  } else {
    const callSort = CALL_SORTS.find((s) => s === searchParams.sort) ?? "endedAt";
    sort = callSort;
    const result = await listCalls(ctx.prisma, { window: ctx.window, filters: ctx.scoped, sort: callSort, dir, page });
    total = result.total;
    subtitle = "Calls that ended in the period.";
    table = (
      <RecordsTable
        kind="calls"
        timeZone={ctx.org.timeZone}
        sort={sort}
        dir={dir}
        search={search}
        rows={result.rows.map((c) => ({
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
        }))}
      />
    );
  }
  const who = agents.length ? ` · agent ${agents.join(", ")}` : "";
  return (
    <DrillPage
      crumbs={[
        { href: `/${ctx.search}`, label: "Dashboards" },
        ...(kpi ? [{ href: `/kpis/${kpi}${ctx.search}`, label: getKpiDefinition(kpi).name }] : []),
      ]}
      title={kind === "tickets" ? "Tickets" : "Calls"}
      subtitle={`${subtitle}${who}`}
    >
      <Panel title={`${total} ${kind}`}>
        <div className="space-y-4">
          {table}
          <Pager page={page} pageSize={PAGE_SIZE} total={total} search={withParam(withParam(search, "sort", sort), "dir", dir)} />
        </div>
      </Panel>
    </DrillPage>
  );
}
