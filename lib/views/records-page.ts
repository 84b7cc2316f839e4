import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { getKpiDefinition, isKpiKey, type KpiDefinition, type KpiKey, type RecordsList } from "@/lib/kpi/catalog";
import { CALL_SORTS, listCalls, listTickets, PAGE_SIZE, TICKET_SORTS, ticketBasisFor, ZListParams, type TicketBasis } from "@/lib/records/list-records";

import { drillContext, type SearchParams } from "./drill-context";
import type { PageView } from "./page-view";

type TicketList = Awaited<ReturnType<typeof listTickets>>;
type CallList = Awaited<ReturnType<typeof listCalls>>;

interface RecordsPageBase {
  timeZone: string;
  /** The KPI the list was opened from, if any. */
  kpi: { key: KpiKey; definition: KpiDefinition } | null;
  /** The dashboard filters, for the breadcrumbs. */
  search: string;
  /** The list's own query string: the filters, the agents and the KPI it was opened from. */
  listSearch: string;
  agents: string[];
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
}

export type RecordsPageView =
  | (RecordsPageBase & { kind: "tickets"; basis: TicketBasis; rows: TicketList["rows"] })
  | (RecordsPageBase & { kind: "calls"; rows: CallList["rows"] });

/** The tickets or calls behind a number, with the filters (and agent) it was opened with. */
export async function recordsPageView(context: UserContext, kind: RecordsList, searchParams: SearchParams): Promise<PageView<RecordsPageView>> {
  const drilled = await drillContext(context, searchParams);
  if (!drilled.ok) return drilled;
  const { drill } = drilled;
  const key = typeof searchParams.kpi === "string" && isKpiKey(searchParams.kpi) ? searchParams.kpi : undefined;
  const { page, dir } = ZListParams.parse(searchParams);
  const params = new URLSearchParams(drill.search);
  for (const agent of [searchParams.agent ?? []].flat()) params.append("agent", agent);
  if (key) params.set("kpi", key);
  const base = {
    timeZone: drill.org.timeZone,
    kpi: key ? { key, definition: getKpiDefinition(key) } : null,
    search: drill.search,
    listSearch: params.size ? `?${params.toString()}` : "",
    agents: drill.scoped.agent,
    dir,
    page,
    pageSize: PAGE_SIZE,
  };
  const query = { window: drill.window, filters: drill.scoped, dir, page };
  if (kind === "tickets") {
    // Opened without a KPI that counts tickets (from an agent, or from CSAT): the tickets created in the period.
    const basis = (key && ticketBasisFor(key)) ?? "created";
    const sort = TICKET_SORTS.find((s) => s === searchParams.sort) ?? (basis === "resolved" ? "resolvedAt" : basis === "first_response" ? "firstResponseAt" : "createdAt");
    const { total, rows } = await listTickets(drill.prisma, { ...query, basis, sort });
    return { ok: true, view: { ...base, kind, basis, sort, total, rows } };
  }
  const sort = CALL_SORTS.find((s) => s === searchParams.sort) ?? "endedAt";
  const { total, rows } = await listCalls(drill.prisma, { ...query, sort });
  return { ok: true, view: { ...base, kind, sort, total, rows } };
}
