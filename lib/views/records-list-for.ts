import { getKpiDefinition, type KpiKey } from "@/lib/kpi/catalog";

export type RecordsList = "tickets" | "calls";

/** The records list behind a KPI's number, or null when no list shows what it counts. */
export function recordsListFor(kpi: KpiKey): RecordsList | null {
  const { family } = getKpiDefinition(kpi);
  return family === "tickets" ? "tickets" : family === "calls" ? "calls" : null;
}
