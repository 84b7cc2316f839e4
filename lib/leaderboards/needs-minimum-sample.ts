import { getKpiDefinition, type KpiKey } from "@/lib/kpi/catalog";

/** Rates and scores need a minimum sample before anyone is ranked on them. */
export function needsMinimumSample(kpi: KpiKey): boolean {
  const definition = getKpiDefinition(kpi);
  return definition.marginOfError !== undefined || definition.unit === "score" || definition.unit === "ratio";
}
