import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getDashboard, loadDashboardSnapshot, type Dashboard, type Snapshot } from "@/lib/dashboards/load-dashboard";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";
import { listCompetitions } from "@/lib/motivation/competitions";

export interface DashboardEditorPage {
  dashboard: Dashboard;
  /** The live numbers the widgets show while they are arranged: the dashboard as its viewers see it unfiltered. */
  snapshot: Snapshot;
  /** What a competition widget can show. */
  competitions: { id: number; name: string }[];
  /** What the KPI pickers offer: the catalog, then the custom KPIs. */
  kpis: PickableKpi[];
}

export interface PickableKpi {
  key: string;
  name: string;
  live: boolean;
}

/** The editor of one dashboard, or null when there is no dashboard with that slug. */
export async function dashboardEditorPage({ prisma, principal }: UserContext, slug: string): Promise<DashboardEditorPage | null> {
  const [dashboard, competitions, directory] = await Promise.all([getDashboard(prisma, slug), listCompetitions(prisma), loadKpiDirectory(prisma)]);
  if (!dashboard) return null;
  const unfiltered = parseDashboardFilters({});
  if (!unfiltered.ok) throw new Error(unfiltered.message);
  const result = await loadDashboardSnapshot(prisma, dashboard, unfiltered.filters, scopeOf(principal));
  // Editors manage dashboards, which only whole-organisation roles may: their unfiltered view is never refused.
  if (!result.ok) throw new Error(result.message);
  return {
    dashboard,
    snapshot: result.snapshot,
    competitions: competitions.map((c) => ({ id: c.id, name: c.name })),
    kpis: directory.list().map((k) => ({ key: k.key, name: k.custom ? `${k.name} (custom)` : k.name, live: k.live === true })),
  };
}
