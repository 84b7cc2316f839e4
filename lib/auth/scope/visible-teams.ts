import type { TeamEntry } from "@/lib/directory/directory";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { KpiScope } from "./scope-of";

/**
 * The teams a viewer may pick, by name, so no other team's name is shown to them; null when they
 * cannot choose a team at all (an agent, or an account not linked to anyone).
 */
export async function visibleTeams(prisma: PrismaClient, scope: KpiScope): Promise<TeamEntry[] | null> {
  if (scope.kind === "agent" || scope.kind === "none") return null;
  return prisma.team.findMany({
    where: scope.kind === "teams" ? { externalId: { in: scope.teams } } : {},
    select: { id: true, externalId: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
