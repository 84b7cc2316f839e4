import "server-only";

import { getKpiDefinition, isKpiKey, type RecordsList } from "@/lib/kpi/catalog";
import { formulaRecords } from "@/lib/kpi/custom/formula-records";
import { isCustomKpiKey, loadKpiDirectory, type AnyKpiKey } from "@/lib/kpi/kpi-directory";
import {
  CALL_SORTS, isTicketBasis, listCalls, listTickets, PAGE_SIZE, TICKET_SORTS, ticketBasisFor, ZListParams, type SetFilter, type TicketBasis,
} from "@/lib/records/list-records";

import { drillContext, type DrillContext, type SearchParams, type ViewerContext } from "./drill-context";
import type { PageView } from "./page-view";

type TicketList = Awaited<ReturnType<typeof listTickets>>;
type CallList = Awaited<ReturnType<typeof listCalls>>;

interface RecordsPageBase {
  timeZone: string;
  /** The KPI the list was opened from, if any; `custom` when the list is its formula's set (basis and condition). */
  kpi: { key: AnyKpiKey; name: string; custom: boolean } | null;
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

/** Which records a list holds and in what order: the page shows a page of them, an export all of them. */
export type RecordsQuery = Omit<RecordsPageBase, "total"> & { drill: DrillContext; set: SetFilter | undefined } & (
  | { kind: "tickets"; basis: TicketBasis; sort: (typeof TICKET_SORTS)[number] }
  | { kind: "calls"; sort: (typeof CALL_SORTS)[number] }
);

/** The list's KPI (a built-in's basis, a custom KPI's set), filters, agents and order, from the URL. */
export async function recordsQuery(context: ViewerContext, kind: RecordsList, searchParams: SearchParams): Promise<PageView<RecordsQuery>> {
  const drilled = await drillContext(context, searchParams);
  if (!drilled.ok) return drilled;
  const { drill } = drilled;
  const asked = typeof searchParams.kpi === "string" ? searchParams.kpi : undefined;
  const builtIn = asked && isKpiKey(asked) ? asked : undefined;
  const custom = asked && isCustomKpiKey(asked) ? await customRecords(drill, asked, kind) : null;
  const key = custom?.key ?? builtIn;
  const { page, dir } = ZListParams.parse(searchParams);
  const params = new URLSearchParams(drill.search);
  for (const agent of [searchParams.agent ?? []].flat()) params.append("agent", agent);
  if (key) params.set("kpi", key);
  const base = {
    drill,
    set: custom?.set,
    timeZone: drill.org.timeZone,
    kpi: custom ? { key: custom.key, name: custom.name, custom: true } : builtIn ? { key: builtIn, name: getKpiDefinition(builtIn).name, custom: false } : null,
    search: drill.search,
    listSearch: params.size ? `?${params.toString()}` : "",
    agents: drill.scoped.agent,
    dir,
    page,
    pageSize: PAGE_SIZE,
  };
  if (kind === "tickets") {
    // Opened without a KPI that counts tickets (from an agent, or from CSAT): the tickets created in the period.
    const basis = custom?.basis ?? (builtIn && ticketBasisFor(builtIn)) ?? "created";
    const sort = TICKET_SORTS.find((s) => s === searchParams.sort) ?? (basis === "resolved" ? "resolvedAt" : basis === "first_response" ? "firstResponseAt" : "createdAt");
    return { ok: true, view: { ...base, kind, basis, sort } };
  }
  return { ok: true, view: { ...base, kind, sort: CALL_SORTS.find((s) => s === searchParams.sort) ?? "endedAt" } };
}

/** The tickets or calls behind a number, with the filters (and agent) it was opened with. */
export async function recordsPageView(context: ViewerContext, kind: RecordsList, searchParams: SearchParams): Promise<PageView<RecordsPageView>> {
  const asked = await recordsQuery(context, kind, searchParams);
  if (!asked.ok) return asked;
  const { drill, set, ...list } = asked.view;
  const query = { window: drill.window, filters: drill.scoped, set, dir: list.dir, page: list.page };
  if (list.kind === "tickets") {
    const { total, rows } = await listTickets(drill.prisma, { ...query, basis: list.basis, sort: list.sort });
    return { ok: true, view: { ...list, total, rows } };
  }
  const { total, rows } = await listCalls(drill.prisma, { ...query, sort: list.sort });
  return { ok: true, view: { ...list, total, rows } };
}

/**
 * A custom KPI whose formula's one record set this list shows: the set as the list's filter. Null
 * for any other custom key (unknown, or its records are another list's or none's): the list is
 * then the plain one, as for a key that is no KPI.
 */
async function customRecords(
  drill: DrillContext,
  key: string,
  kind: RecordsList,
): Promise<{ key: AnyKpiKey; name: string; set: SetFilter; basis: TicketBasis | null } | null> {
  const directory = await loadKpiDirectory(drill.prisma);
  const fact = directory.has(key) ? directory.get(key) : undefined;
  if (!fact?.custom) return null;
  const records = formulaRecords(fact.node);
  if (!records.ok || records.list !== kind) return null;
  const set = { set: records.set, timeZone: drill.org.timeZone, now: drill.now, serviceLevelSeconds: drill.org.serviceLevelSeconds };
  return { key: fact.key, name: fact.name, set, basis: isTicketBasis(records.basis) ? records.basis : null };
}
