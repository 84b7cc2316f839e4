import "server-only";

import { checkShareLinkToken } from "@/lib/auth/share-links";
import { describeFiltersWindow, filtersToSearch, parseDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getDashboard, loadDashboardSnapshot, type Dashboard, type Snapshot } from "@/lib/dashboards/load-dashboard";
import type { Database } from "@/lib/db/open-database";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { SHARE_LINK_SCOPE } from "@/lib/share/handle-share-requests";
import { describeLockedFilters, lockedDimensions, unlockedFilters, withLockedFilters, type LockedDimensions } from "@/lib/share/locked-filters";

import type { SearchParams } from "./drill-context";
import { filterOptions, type FilterOptions } from "./filter-options";

export type SharePageView =
  | { kind: "ended" }
  | { kind: "invalid-filters"; parameter: string; message: string }
  | {
      kind: "dashboard";
      dashboard: Pick<Dashboard, "slug" | "name" | "pollSeconds" | "widgets">;
      snapshot: Snapshot;
      /** What the viewer chose in the filter bar; the locked filters are applied on top by the server. */
      chosen: DashboardFilters;
      /** The query string of `chosen`: the page's polls send it. */
      search: string;
      locked: LockedDimensions;
      /** The locked filters in words ("Last 7 days", "Billing"), shown where their controls would be. */
      lockedLabels: string[];
      filterOptions: FilterOptions;
      timeZone: string;
      period: string;
      span: string;
    };

/**
 * A view-only link by its secret token: its dashboard with the organisation's numbers, narrowed
 * by the link's locked filters and the viewer's own choice of the others. "ended" when the token
 * is unknown, revoked or expired, with no data at all.
 */
export async function sharePageView(db: Pick<Database, "prisma">, token: string, searchParams: SearchParams): Promise<SharePageView> {
  const { prisma } = db;
  const link = await checkShareLinkToken(prisma, token);
  const dashboard = link && (await getDashboard(prisma, link.dashboardSlug));
  if (!link || !dashboard) return { kind: "ended" };
  const parsed = parseDashboardFilters(searchParams);
  if (!parsed.ok) return { kind: "invalid-filters", parameter: parsed.parameter, message: parsed.message };
  const effective = withLockedFilters(parsed.filters, link.locked);
  const chosen = unlockedFilters(parsed.filters, link.locked);
  const [result, options, org] = await Promise.all([
    loadDashboardSnapshot(prisma, dashboard, effective, SHARE_LINK_SCOPE),
    filterOptions(prisma, SHARE_LINK_SCOPE),
    getOrgSettings(prisma),
  ]);
  if (!result.ok) return { kind: "invalid-filters", parameter: result.parameter, message: result.message };
  const lockedLabels = describeLockedFilters(link.locked, {
    team: new Map(options.teams?.map((t) => [t.value, t.label])),
    channel: new Map(options.channels.map((c) => [c.value, c.label])),
  });
  return {
    kind: "dashboard",
    dashboard: { slug: dashboard.slug, name: dashboard.name, pollSeconds: dashboard.pollSeconds, widgets: dashboard.widgets },
    snapshot: result.snapshot,
    chosen,
    search: filtersToSearch(chosen),
    locked: lockedDimensions(link.locked),
    lockedLabels,
    filterOptions: options,
    timeZone: org.timeZone,
    ...describeFiltersWindow(effective, new Date(), org.timeZone),
  };
}
