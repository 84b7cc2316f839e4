import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { CustomKpiForm } from "@/components/settings/custom-kpi-form";
import { SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { customKpisPage } from "@/lib/views/settings/custom-kpis-page";

import { previewCustomKpiAction, saveCustomKpiAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "KPIs" };

const ZSearch = z.object({ edit: z.string().max(64).optional().catch(undefined) });

export default async function CustomKpisPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { edit } = ZSearch.parse(await searchParams);
  const { kpis, editing } = await customKpisPage(await requirePage("kpis:manage"), edit);
  return (
    <SettingsPage
      title="KPIs"
      intro="Your own KPIs, as formulas over the same records and KPIs the built-in ones use. A custom KPI goes on dashboards, TVs and targets as a built-in one does; every save is a new version."
    >
      <SettingsSection title={editing ? `Edit “${editing.name}”` : "Define a KPI"}>
        {/* Keyed by the KPI edited, so that switching to another starts the form afresh. */}
        <CustomKpiForm
          key={editing?.key ?? "new"}
          action={saveCustomKpiAction.bind(null, editing?.key ?? null)}
          preview={previewCustomKpiAction}
          initial={editing}
        />
        {editing && (
          <Link href="/settings/kpis" className="mt-4 inline-block text-sm font-medium text-indigo-700 dark:text-indigo-300 hover:underline">
            Define a new KPI instead
          </Link>
        )}
      </SettingsSection>
      <SettingsSection title="Custom KPIs" testId="custom-kpis-list">
        {kpis.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No custom KPIs yet. Define one above.</p>
        ) : (
          <table className={TABLE}>
            <thead>
              <tr>
                <th className={TH}>KPI</th>
                <th className={TH}>Key</th>
                <th className={TH}>Formula</th>
                <th className={TH}>Unit</th>
                <th className={TH}>Version</th>
                <th className={TH}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {kpis.map((k) => (
                <tr key={k.key}>
                  <td className={`${TD} font-medium`}>
                    {k.name}
                    {k.plain !== k.name && <span className="block font-normal text-slate-500 dark:text-slate-400">{k.plain}</span>}
                  </td>
                  <td className={`${TD} font-mono text-xs`}>{k.key}</td>
                  <td className={`${TD} font-mono text-xs`}>{k.formula}</td>
                  <td className={TD}>{k.formulaUnit}</td>
                  <td className={TD}>{k.version}</td>
                  <td className={TD}>
                    <Link href={`/settings/kpis?edit=${encodeURIComponent(k.key)}`} className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline">
                      Edit
                    </Link>
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
