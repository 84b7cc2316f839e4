import { sharedShortLivedCache } from "@/lib/cache/short-lived-cache";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { KpiFilters } from "@/lib/kpi/kpi-query";

import type { KpiScope } from "./scope-of";

/** Whether every agent named belongs to the teams led, remembered a few seconds: a team lead's poll repeats the question. */
const ledAgentChecks = sharedShortLivedCache<boolean>("led-agent-checks");

export type ScopedFilters = { ok: true; filters: KpiFilters } | { ok: false; parameter: "team" | "agent"; message: string };

/**
 * Narrows filters to the caller's scope. Naming a team or agent outside it is refused rather than
 * answered with empty numbers, and with the same words whether or not it exists, so a team lead
 * learns nothing about other teams.
 */
export async function narrowFilters(prisma: PrismaClient, scope: KpiScope, filters: KpiFilters): Promise<ScopedFilters> {
  switch (scope.kind) {
    case "all":
      return { ok: true, filters };
    case "none":
      return { ok: false, parameter: "team", message: "your account is not linked to a team or an agent yet; ask an admin" };
    case "agent": {
      if (filters.agent.some((a) => a !== scope.agent)) return { ok: false, parameter: "agent", message: "you can only see your own numbers" };
      if (filters.team.length) return { ok: false, parameter: "team", message: "you can only see your own numbers" };
      return { ok: true, filters: { ...filters, agent: [scope.agent] } };
    }
    case "teams": {
      const allowed = new Set(scope.teams);
      if (filters.team.some((t) => !allowed.has(t))) return { ok: false, parameter: "team", message: "you can only see the teams you lead" };
      if (filters.agent.length) {
        const agents = [...new Set(filters.agent)];
        const allLed = await ledAgentChecks.get(prisma, JSON.stringify([scope.teams, agents]), async () => {
          const found = await prisma.agent.findMany({ where: { externalId: { in: agents }, team: { externalId: { in: scope.teams } } }, select: { externalId: true } });
          return found.length === agents.length;
        });
        if (!allLed) {
          return { ok: false, parameter: "agent", message: "you can only see agents of the teams you lead" };
        }
      }
      return { ok: true, filters: { ...filters, team: filters.team.length ? filters.team : scope.teams } };
    }
  }
}
