import { KPI_CATALOG, type KpiKey } from "@/lib/kpi/catalog";

// Which KPIs the team and agent pages show. The one place each list is chosen, until the catalog
// says it per KPI.

/** The team page's headline cards. */
export const TEAM_PAGE_KPIS: readonly KpiKey[] = ["ticket_volume", "tickets_solved", "first_response_time", "csat"];

/** Every KPI that is an agent's own: no live figures, nothing about the knowledge base or the whole team. */
export const AGENT_PAGE_KPIS: readonly KpiKey[] = KPI_CATALOG.filter(
  (k) => !("live" in k) && k.family !== "knowledge_base" && k.key !== "enps" && k.key !== "backlog",
).map((k) => k.key as KpiKey);
