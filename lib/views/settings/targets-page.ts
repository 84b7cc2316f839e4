import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { listAgents, listTeams } from "@/lib/directory/directory";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";
import { listTargets } from "@/lib/targets/targets";

interface Option {
  value: string;
  label: string;
  /** For a custom KPI, which the catalog does not know: its amounts are typed as durations. */
  duration?: boolean;
}

export interface TargetsPage {
  kpis: Option[];
  /** "" for the organisation, `team:<externalId>` or `agent:<externalId>`, as the save action reads them. */
  scopes: Option[];
  targets: { id: number; kpi: string; scope: string; value: string; warning: string; critical: string }[];
}

export async function targetsPage({ prisma }: UserContext): Promise<TargetsPage> {
  const [targets, teams, agents, directory] = await Promise.all([listTargets(prisma), listTeams(prisma), listAgents(prisma), loadKpiDirectory(prisma)]);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const agentNames = new Map(agents.map((a) => [a.id, a.name]));
  const scopeName = (t: { teamId: number | null; agentId: number | null }) =>
    t.agentId !== null ? `Agent: ${agentNames.get(t.agentId)}` : t.teamId !== null ? `Team: ${teamNames.get(t.teamId)}` : "Organisation";
  return {
    kpis: directory.list().map((k) => ({ value: k.key, label: `${k.name} (${k.direction === "lower" ? "lower" : "higher"} is better)`, ...(k.custom && { duration: k.unit === "seconds" }) })),
    scopes: [
      { value: "", label: "The organisation" },
      ...teams.map((t) => ({ value: `team:${t.externalId}`, label: `Team: ${t.name}` })),
      ...agents.map((a) => ({ value: `agent:${a.externalId}`, label: `Agent: ${a.name}` })),
    ],
    targets: targets.map((t) => {
      const kpi = directory.fact(t.kpiKey);
      return {
        id: t.id,
        kpi: kpi.name,
        scope: scopeName(t),
        value: formatKpiValue(t.value, kpi.unit),
        warning: formatKpiValue(t.warning, kpi.unit),
        critical: formatKpiValue(t.critical, kpi.unit),
      };
    }),
  };
}
