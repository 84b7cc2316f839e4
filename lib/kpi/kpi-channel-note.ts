import { ENUM_LABELS } from "@/lib/ingest/record-schemas";

import { getKpiDefinition, KPI_FAMILIES, type KpiKey } from "./catalog";
import type { KpiFilters } from "./kpi-query";

/**
 * "Does not apply to email" when none of the filtered channels can have records for this KPI (call
 * KPIs filtered to email), so an empty card says why instead of "No earlier data to compare";
 * null when the KPI applies to the filter.
 */
export function kpiChannelNote(key: KpiKey, filters: Pick<KpiFilters, "channel">): string | null {
  const from = KPI_FAMILIES[getKpiDefinition(key).family].channels;
  if (filters.channel.length === 0 || from === "any") return null;
  const applies = filters.channel.some((channel) => (from as readonly string[]).includes(channel));
  if (applies) return null;
  const names = filters.channel.map((channel) => ENUM_LABELS.channel[channel].toLowerCase());
  return `Does not apply to ${names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : names[0]}`;
}
