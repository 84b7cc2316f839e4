import type { UserContext } from "@/lib/auth/guards";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";

import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";

import { targetInputSchema, type TargetInput } from "./targets";

// Setting and removing targets from the settings page. Dashboards colour their widgets by these,
// so each change drops the cached snapshots: the next poll shows the new colours, not an interval
// later.

export class TargetScopeError extends Error {
  constructor(readonly field: "team" | "agent", value: string) {
    super(`unknown ${field} ${value}`);
  }
}

/** Creates or replaces the target for (KPI, scope): one target per KPI and scope. */
export async function saveTarget({ prisma }: Pick<UserContext, "prisma">, input: TargetInput): Promise<void> {
  const t = targetInputSchema(await loadKpiDirectory(prisma)).parse(input);
  await prisma.$transaction(async (tx) => {
    const team = t.team ? await tx.team.findUnique({ where: { externalId: t.team }, select: { id: true } }) : null;
    if (t.team && !team) throw new TargetScopeError("team", t.team);
    const agent = t.agent ? await tx.agent.findUnique({ where: { externalId: t.agent }, select: { id: true } }) : null;
    if (t.agent && !agent) throw new TargetScopeError("agent", t.agent);
    const scope = { kpiKey: t.kpiKey, teamId: team?.id ?? null, agentId: agent?.id ?? null };
    await tx.target.deleteMany({ where: scope });
    await tx.target.create({ data: { ...scope, value: t.value, warning: t.warning, critical: t.critical } });
  });
  snapshotCache.clear();
}

export async function deleteTarget({ prisma }: Pick<UserContext, "prisma">, id: number): Promise<void> {
  await prisma.target.deleteMany({ where: { id } });
  snapshotCache.clear();
}
