import { getKpiDefinition, type KpiKey } from "@/lib/kpi/catalog";

/** Best first in the KPI's direction; no value last. */
export function sortedForKpi<G extends { value: number | null }>(kpi: KpiKey, groups: G[]): G[] {
  const lowerIsBetter = getKpiDefinition(kpi).direction === "lower";
  return [...groups].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return lowerIsBetter ? a.value - b.value : b.value - a.value;
  });
}
