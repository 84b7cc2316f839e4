import { factOf, type KpiRef } from "@/lib/kpi/kpi-directory";

/** Best first in the KPI's direction; no value last. */
export function sortedForKpi<G extends { value: number | null }>(kpi: KpiRef, groups: G[]): G[] {
  const lowerIsBetter = factOf(kpi).direction === "lower";
  return [...groups].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return lowerIsBetter ? a.value - b.value : b.value - a.value;
  });
}
