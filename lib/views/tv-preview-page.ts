import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getDashboard, loadDashboardSnapshot, type Dashboard, type Snapshot } from "@/lib/dashboards/load-dashboard";
import { ZLayout } from "@/lib/dashboards/manage-dashboards";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface TvPreviewPage {
  dashboard: Dashboard;
  snapshot: Snapshot;
  timeZone: string;
}

/** The arrangement the editor has not saved yet, when it sent one that reads; otherwise the saved one. */
function arranged(dashboard: Dashboard, layout: string | undefined): Dashboard {
  if (!layout) return dashboard;
  let json: unknown;
  try {
    json = JSON.parse(layout);
  } catch {
    return dashboard;
  }
  const parsed = ZLayout.safeParse(json);
  if (!parsed.success) return dashboard;
  const places = new Map(parsed.data.map((item) => [item.id, item]));
  return {
    ...dashboard,
    widgets: dashboard.widgets.map((widget) => {
      const place = places.get(widget.id);
      return place ? { ...widget, x: place.x, y: place.y, w: place.w, h: place.h } : widget;
    }),
  };
}

/**
 * One dashboard as a wall screen shows it, for the editor's preview frame: the same grid and type
 * scale as `/tv/<token>`, with the editor's unsaved arrangement applied, and live numbers.
 */
export async function tvPreviewPage({ prisma, principal }: UserContext, slug: string, layout: string | undefined): Promise<TvPreviewPage | null> {
  const [dashboard, org] = await Promise.all([getDashboard(prisma, slug), getOrgSettings(prisma)]);
  if (!dashboard) return null;
  const unfiltered = parseDashboardFilters({});
  if (!unfiltered.ok) throw new Error(unfiltered.message);
  const result = await loadDashboardSnapshot(prisma, dashboard, unfiltered.filters, scopeOf(principal));
  if (!result.ok) throw new Error(result.message);
  return { dashboard: arranged(dashboard, layout), snapshot: result.snapshot, timeZone: org.timeZone };
}
