import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { getDashboard, type Dashboard } from "@/lib/dashboards/load-dashboard";
import { listCompetitions } from "@/lib/motivation/competitions";

export interface DashboardEditorPage {
  dashboard: Dashboard;
  /** What a competition widget can show. */
  competitions: { id: number; name: string }[];
}

/** The editor of one dashboard, or null when there is no dashboard with that slug. */
export async function dashboardEditorPage({ prisma }: UserContext, slug: string): Promise<DashboardEditorPage | null> {
  const [dashboard, competitions] = await Promise.all([getDashboard(prisma, slug), listCompetitions(prisma)]);
  return dashboard && { dashboard, competitions: competitions.map((c) => ({ id: c.id, name: c.name })) };
}
