import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { getKpiDefinition, isKpiKey, type RecordsList } from "@/lib/kpi/catalog";
import { formulaRecords } from "@/lib/kpi/custom/formula-records";
import { isCustomKpiKey, loadKpiDirectory, type AnyKpiKey } from "@/lib/kpi/kpi-directory";
import {
  CALL_SORTS, isTicketBasis, listCalls, listTickets, PAGE_SIZE, TICKET_SORTS, ticketBasisFor, ZListParams, type SetFilter, type TicketBasis,
} from "@/lib/records/list-records";

import { drillContext, type DrillContext, type SearchParams } from "./drill-context";
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

/** The tickets or calls behind a number, with the filters (and agent) it was opened with. */
export async function recordsPageView(context: UserContext, kind: RecordsList, searchParams: SearchParams): Promise<PageView<RecordsPageView>> {
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
    timeZone: drill.org.timeZone,
    kpi: custom ? { key: custom.key, name: custom.name, custom: true } : builtIn ? { key: builtIn, name: getKpiDefinition(builtIn).name, custom: false } : null,
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
    const basis = custom?.basis ?? (builtIn && ticketBasisFor(builtIn)) ?? "created";
    const sort = TICKET_SORTS.find((s) => s === searchParams.sort) ?? (basis === "resolved" ? "resolvedAt" : basis === "first_response" ? "firstResponseAt" : "createdAt");
    const { total, rows } = await listTickets(drill.prisma, { ...query, basis, set: custom?.set, sort });
    return { ok: true, view: { ...base, kind, basis, sort, total, rows } };
  }
  const sort = CALL_SORTS.find((s) => s === searchParams.sort) ?? "endedAt";
  const { total, rows } = await listCalls(drill.prisma, { ...query, set: custom?.set, sort });
  return { ok: true, view: { ...base, kind, sort, total, rows } };
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
