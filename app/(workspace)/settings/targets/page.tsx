import type { Metadata } from "next";

import { ConfirmButton } from "@/components/settings/confirm-button";
import { SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { TargetForm } from "@/components/settings/target-form";
import { requirePage } from "@/lib/auth/guards";
import { getKpiDefinition, KPI_CATALOG } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { listTargets } from "@/lib/targets/targets";

import { deleteTargetAction, saveTargetAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Targets" };

export default async function TargetsPage() {
  const { prisma } = await requirePage("targets:manage");
  const [targets, teams, agents] = await Promise.all([
    listTargets(prisma),
    prisma.team.findMany({ select: { id: true, externalId: true, name: true }, orderBy: { name: "asc" } }),
    prisma.agent.findMany({ select: { id: true, externalId: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const scopeName = (t: { teamId: number | null; agentId: number | null }) =>
    t.agentId !== null ? `Agent: ${agents.find((a) => a.id === t.agentId)?.name}` : t.teamId !== null ? `Team: ${teams.find((x) => x.id === t.teamId)?.name}` : "Organisation";
  return (
    <SettingsPage
      title="Targets"
      intro="A goal per KPI for the organisation, a team or an agent. Widgets are green at or better than the warning threshold, amber beyond it, red at or beyond the critical one; the most specific target applies."
    >
      <SettingsSection title="Set a target">
        <TargetForm
          action={saveTargetAction}
          kpis={KPI_CATALOG.map((k) => ({ value: k.key, label: `${k.name} (${k.direction === "lower" ? "lower" : "higher"} is better)` }))}
          scopes={[
            { value: "", label: "The organisation" },
            ...teams.map((t) => ({ value: `team:${t.externalId}`, label: `Team: ${t.name}` })),
            ...agents.map((a) => ({ value: `agent:${a.externalId}`, label: `Agent: ${a.name}` })),
          ]}
        />
      </SettingsSection>
      <SettingsSection title="Targets" testId="targets-list">
        {targets.length === 0 ? (
          <p className="text-sm text-slate-500">No targets yet. Set one above and dashboards colour that KPI green, amber or red.</p>
        ) : (
          <table className={TABLE}>
            <thead>
              <tr>
                <th className={TH}>KPI</th>
                <th className={TH}>For</th>
                <th className={TH}>Target</th>
                <th className={TH}>Warning beyond</th>
                <th className={TH}>Critical beyond</th>
                <th className={TH}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => {
                const kpi = getKpiDefinition(t.kpiKey);
                return (
                  <tr key={t.id}>
                    <td className={`${TD} font-medium`}>{kpi.name}</td>
                    <td className={TD}>{scopeName(t)}</td>
                    <td className={TD}>{formatKpiValue(t.value, kpi.unit)}</td>
                    <td className={TD}>{formatKpiValue(t.warning, kpi.unit)}</td>
                    <td className={TD}>{formatKpiValue(t.critical, kpi.unit)}</td>
                    <td className={TD}>
                      <ConfirmButton label="Remove" question={`Remove the ${kpi.name} target for ${scopeName(t)}?`} action={deleteTargetAction.bind(null, t.id)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </SettingsSection>
    </SettingsPage>
  );
}
