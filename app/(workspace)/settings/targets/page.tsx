import type { Metadata } from "next";

import { ConfirmButton } from "@/components/settings/confirm-button";
import { SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { TargetForm } from "@/components/settings/target-form";
import { requirePage } from "@/lib/auth/guards";
import { targetsPage } from "@/lib/views/settings/targets-page";

import { deleteTargetAction, saveTargetAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Targets" };

export default async function TargetsPage() {
  const { kpis, scopes, targets } = await targetsPage(await requirePage("targets:manage"));
  return (
    <SettingsPage
      title="Targets"
      intro="A goal per KPI for the organisation, a team or an agent. Widgets are green at or better than the warning threshold, amber beyond it, red at or beyond the critical one; the most specific target applies."
    >
      <SettingsSection title="Set a target">
        <TargetForm action={saveTargetAction} kpis={kpis} scopes={scopes} />
      </SettingsSection>
      <SettingsSection title="Targets" testId="targets-list">
        {targets.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No targets yet. Set one above and dashboards colour that KPI green, amber or red.</p>
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
              {targets.map((t) => (
                <tr key={t.id}>
                  <td className={`${TD} font-medium`}>{t.kpi}</td>
                  <td className={TD}>{t.scope}</td>
                  <td className={TD}>{t.value}</td>
                  <td className={TD}>{t.warning}</td>
                  <td className={TD}>{t.critical}</td>
                  <td className={TD}>
                    <ConfirmButton label="Remove" question={`Remove the ${t.kpi} target for ${t.scope}?`} action={deleteTargetAction.bind(null, t.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SettingsSection>
    </SettingsPage>
  );
}
