import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { KPI_CATALOG, type KpiDefinition, type KpiFamily } from "@/lib/kpi/catalog";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface DefinitionsPageView {
  timeZone: string;
  /** The catalog by family, in catalog order. */
  families: { family: KpiFamily; kpis: KpiDefinition[] }[];
}

/** The KPI definitions page: every KPI as the catalog defines it, and the zone windows are cut in. */
export async function definitionsPageView(context: UserContext): Promise<DefinitionsPageView> {
  const org = await getOrgSettings(context.prisma);
  const families = [...new Set(KPI_CATALOG.map((kpi) => kpi.family))];
  return {
    timeZone: org.timeZone,
    families: families.map((family) => ({ family, kpis: KPI_CATALOG.filter((kpi) => kpi.family === family) })),
  };
}
