import "server-only";

import { z } from "zod";

import type { AuthenticatedPrincipal } from "@/lib/auth/authorize-request";
import { narrowFilters, scopeOf, type KpiScope } from "@/lib/auth/scope";
import { filtersToSearch, filtersWindow, kpiFiltersOf, parseDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { KpiFilters } from "@/lib/kpi/kpi-query";
import type { TimeWindow } from "@/lib/kpi/time-windows";
import { getOrgSettings, type OrgSettings } from "@/lib/org/get-org-settings";

import { FORBIDDEN, type Refusal } from "./page-view";

export type SearchParams = Record<string, string | string[] | undefined>;

/** Who is looking: a signed-in user on a page, or any caller a route let read KPIs (an export). */
export interface ViewerContext {
  prisma: PrismaClient;
  principal: AuthenticatedPrincipal;
}

export interface DrillContext extends ViewerContext {
  org: OrgSettings;
  now: Date;
  scope: KpiScope;
  /** The filters of the URL, as the filter bar shows them. */
  filters: DashboardFilters;
  /** The same filters (plus agents) narrowed to the viewer's scope: what the numbers are read with. */
  scoped: KpiFilters;
  window: TimeWindow;
  /** The filters as a query string, to carry into the next level's links. */
  search: string;
}

const ZAgents = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(200)).max(50));

/**
 * What every drill-down view starts from: the signed-in viewer, the filters of the URL (plus an
 * agent), narrowed to the viewer's scope. A team or agent outside it is refused as forbidden.
 */
export async function drillContext(
  context: ViewerContext,
  searchParams: SearchParams,
  agents: string[] = [],
): Promise<{ ok: true; drill: DrillContext } | Refusal> {
  const parsed = parseDashboardFilters(searchParams);
  if (!parsed.ok) return { ok: false, outcome: "invalid-filters", parameter: parsed.parameter, message: parsed.message };
  const agent = [...new Set([...agents, ...ZAgents.catch([]).parse(searchParams.agent)])];
  const scope = scopeOf(context.principal);
  const scoped = await narrowFilters(context.prisma, scope, { ...kpiFiltersOf(parsed.filters), agent });
  if (!scoped.ok) return FORBIDDEN;
  const org = await getOrgSettings(context.prisma);
  const now = new Date();
  return {
    ok: true,
    drill: {
      ...context,
      org,
      now,
      scope,
      filters: parsed.filters,
      scoped: scoped.filters,
      window: filtersWindow(parsed.filters, now, org.timeZone),
      search: filtersToSearch(parsed.filters),
    },
  };
}
