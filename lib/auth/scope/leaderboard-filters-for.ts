import { NO_FILTERS, type KpiFilters } from "@/lib/kpi/kpi-query";

import type { KpiScope } from "./scope-of";

/**
 * What a viewer's leaderboards rank, given their already narrowed filters. An agent's rank their
 * team, since their own numbers alone are not a ranking; everyone else's rank what they filter on.
 */
export function leaderboardFiltersFor(scope: KpiScope, filters: KpiFilters): KpiFilters {
  if (scope.kind !== "agent") return filters;
  return { ...NO_FILTERS, ...(scope.team ? { team: [scope.team] } : { agent: [scope.agent] }) };
}
