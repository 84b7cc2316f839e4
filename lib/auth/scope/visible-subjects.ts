import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { KpiScope } from "./scope-of";

export type SubjectKind = "agent" | "team";
export type CanSee = (kind: SubjectKind, externalId: string) => boolean;

/**
 * Whose rows a viewer may see on competitions, achievements and leaderboards: everyone's, their
 * teams' (a team lead), or their own team's (an agent sees their team's leaderboards, as on
 * dashboards).
 */
export async function visibleSubjects(prisma: PrismaClient, scope: KpiScope): Promise<CanSee> {
  if (scope.kind === "all") return () => true;
  if (scope.kind === "none") return () => false;
  const teams = scope.kind === "teams" ? scope.teams : scope.team ? [scope.team] : [];
  const agents = new Set(
    (await prisma.agent.findMany({ where: { team: { externalId: { in: teams } } }, select: { externalId: true } })).map((a) => a.externalId),
  );
  if (scope.kind === "agent") agents.add(scope.agent);
  return (kind, id) => (kind === "team" ? teams.includes(id) : agents.has(id));
}
