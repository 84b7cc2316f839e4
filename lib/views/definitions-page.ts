import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { KPI_CATALOG, type KpiFamily } from "@/lib/kpi/catalog";
import { loadKpiDirectory, shownKpi, type ShownKpi } from "@/lib/kpi/kpi-directory";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface DefinitionsPageView {
  timeZone: string;
  /** The catalog by family, in catalog order; then the custom KPIs, their canonical formula as the definition. */
  families: { family: KpiFamily | "custom"; kpis: ShownKpi[] }[];
}

/** The KPI definitions page: every KPI as the catalog defines it, and the zone windows are cut in. */
export async function definitionsPageView(context: UserContext): Promise<DefinitionsPageView> {
  const [org, directory] = await Promise.all([getOrgSettings(context.prisma), loadKpiDirectory(context.prisma)]);
  const families = [...new Set(KPI_CATALOG.map((kpi) => kpi.family))];
  const custom = directory.custom().filter((fact) => !fact.archived).map(shownKpi);
  return {
    timeZone: org.timeZone,
    families: [
      ...families.map((family) => ({ family, kpis: directory.list().filter((kpi) => !kpi.custom && kpi.family === family) })),
      ...(custom.length ? [{ family: "custom" as const, kpis: custom }] : []),
    ],
  };
}
