import "server-only";

import { forbidden } from "next/navigation";
import { z } from "zod";

import { requirePage } from "@/lib/auth/guards";
import { applyKpiScope, kpiScopeOf } from "@/lib/auth/kpi-scope";
import { filtersToSearch, filtersWindow, kpiFiltersOf, parseDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export type SearchParams = Record<string, string | string[] | undefined>;

const ZAgents = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(200)).max(50));

/**
 * What every drill-down page starts from: the signed-in viewer, the filters of the URL (plus an
 * agent), narrowed to the viewer's scope. A team or agent outside it is a 403.
 */
export async function drillContext(searchParams: SearchParams, agents: string[] = []) {
  const page = await requirePage();
  const parsed = parseDashboardFilters(searchParams);
  if (!parsed.ok) return { ...page, invalid: parsed } as const;
  const agent = [...new Set([...agents, ...ZAgents.catch([]).parse(searchParams.agent)])];
  const scope = kpiScopeOf(page.principal);
  const scoped = await applyKpiScope(page.prisma, scope, { ...kpiFiltersOf(parsed.filters), agent });
  if (!scoped.ok) forbidden();
  const org = await getOrgSettings(page.prisma);
  const now = new Date();
  return {
    ...page,
    invalid: null,
    org,
    now,
    scope,
    filters: parsed.filters as DashboardFilters,
    scoped: scoped.filters,
    window: filtersWindow(parsed.filters, now, org.timeZone),
    /** The filters as a query string, to carry into the next level's links. */
    search: filtersToSearch(parsed.filters),
  } as const;
}

/** `search` with one more parameter set. */
export function withParam(search: string, name: string, value: string): string {
  const params = new URLSearchParams(search);
  params.set(name, value);
  return `?${params.toString()}`;
}
