import "server-only";

import { can } from "@/lib/auth/access";
import type { UserContext } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import { describeFiltersWindow, filtersToSearch, parseDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getDashboard, getDefaultDashboard, loadDashboardSnapshot, type Dashboard, type Snapshot } from "@/lib/dashboards/load-dashboard";
import { listDashboards, type DashboardEntry } from "@/lib/directory/directory";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import type { SearchParams } from "./drill-context";
import { filterOptions, type FilterOptions } from "./filter-options";
import { FORBIDDEN, NOT_FOUND, type PageView } from "./page-view";

export type DashboardPageView =
  | { kind: "no-dashboards"; canCreate: boolean }
  | {
      kind: "dashboard";
      dashboard: Dashboard;
      /** The first numbers, server-rendered; the browser polls from here. */
      snapshot: Snapshot;
      filters: DashboardFilters;
      search: string;
      filterOptions: FilterOptions;
      /** Every dashboard, in tab order. */
      tabs: DashboardEntry[];
      timeZone: string;
      /** "Today", "Last 7 days", "Custom range". */
      period: string;
      /** The dates the window covers, in the organisation's zone. */
      span: string;
      /** Whose numbers these are, for a viewer who sees only some: null for everyone's. */
      scopeLabel: string | null;
      /** The team, channel and queue filters in words ("Teams: Billing · Channels: Email"), for a printout, which has no filter bar; null without any. */
      filterSummary: string | null;
      /** False on a fresh install: no ticket and no call yet. */
      hasData: boolean;
      can: { manageDashboards: boolean; importData: boolean; manageKeys: boolean };
    };

async function hasRecords(prisma: PrismaClient): Promise<boolean> {
  const [ticket, call] = await Promise.all([prisma.ticket.findFirst({ select: { id: true } }), prisma.call.findFirst({ select: { id: true } })]);
  return ticket !== null || call !== null;
}

/** A dashboard (the default one without a slug) with its first numbers for this viewer. */
export async function dashboardPageView(context: UserContext, slug: string | undefined, searchParams: SearchParams): Promise<PageView<DashboardPageView>> {
  const { prisma, principal, user } = context;
  const dashboard = slug ? await getDashboard(prisma, slug) : await getDefaultDashboard(prisma);
  if (!dashboard) return slug ? NOT_FOUND : { ok: true, view: { kind: "no-dashboards", canCreate: can(principal, "dashboards:manage") } };
  const parsed = parseDashboardFilters(searchParams);
  if (!parsed.ok) return { ok: false, outcome: "invalid-filters", parameter: parsed.parameter, message: parsed.message };
  const scope = scopeOf(principal);
  const [result, options, tabs, org, hasData] = await Promise.all([
    loadDashboardSnapshot(prisma, dashboard, parsed.filters, scope),
    filterOptions(prisma, scope),
    listDashboards(prisma),
    getOrgSettings(prisma),
    hasRecords(prisma),
  ]);
  // Another team's numbers are a 403, never an empty dashboard that would confirm the team exists.
  if (!result.ok) return FORBIDDEN;

  return {
    ok: true,
    view: {
      kind: "dashboard",
      dashboard,
      snapshot: result.snapshot,
      filters: parsed.filters,
      search: filtersToSearch(parsed.filters),
      filterOptions: options,
      tabs,
      timeZone: org.timeZone,
      ...describeFiltersWindow(parsed.filters, new Date(), org.timeZone),
      scopeLabel:
        scope.kind === "teams" ? `Your teams: ${user.teams.map((t) => t.name).join(", ")}` : scope.kind === "agent" ? `Your numbers: ${user.agent?.name}` : null,
      filterSummary: filterSummary(parsed.filters, options),
      hasData,
      can: {
        manageDashboards: can(principal, "dashboards:manage"),
        importData: can(principal, "data:import"),
        manageKeys: can(principal, "keys:manage"),
      },
    },
  };
}

function filterSummary(filters: DashboardFilters, options: FilterOptions): string | null {
  const named = (values: string[], choices: { value: string; label: string }[] | null) =>
    values.map((value) => choices?.find((c) => c.value === value)?.label ?? value).join(", ");
  const parts = [
    filters.team.length ? `Teams: ${named(filters.team, options.teams)}` : null,
    filters.channel.length ? `Channels: ${named(filters.channel, options.channels)}` : null,
    filters.queue.length ? `Queues: ${named(filters.queue, options.queues)}` : null,
  ].filter((part) => part !== null);
  return parts.length ? parts.join(" · ") : null;
}
