import type { Metadata } from "next";

import { ConfirmButton } from "@/components/settings/confirm-button";
import { DigestForm } from "@/components/settings/digest-form";
import { Moment, SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { BUTTON_SECONDARY } from "@/components/ui/field";
import { requirePage } from "@/lib/auth/guards";
import { digestsPage } from "@/lib/views/settings/digests-page";

import { createDigestAction, deleteDigestAction, sendDigestNowAction, setDigestEnabledAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Digests" };

export default async function DigestsPage() {
  const { digests, options, timeZone } = await digestsPage(await requirePage("digests:manage"));
  return (
    <SettingsPage
      title="Digests"
      intro="A dashboard's numbers sent on a schedule: each KPI with its value, target status and change, and small charts where the channel shows images. Daily digests report yesterday, weekly ones the last seven days."
    >
      <SettingsSection title="Create a digest">
        <DigestForm action={createDigestAction} options={options} timeZone={timeZone} />
      </SettingsSection>
      <SettingsSection title="Digests" testId="digests-list">
        {digests.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No digests yet. Create one above to send a dashboard&apos;s numbers every morning or every week.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Digest</th>
                  <th className={TH}>When</th>
                  <th className={TH}>Sent to</th>
                  <th className={TH}>Next</th>
                  <th className={TH}>Last sent</th>
                  <th className={TH}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {digests.map((d) => (
                  <tr key={d.id}>
                    <td className={`${TD} font-medium`}>
                      {d.name}
                      <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
                        {d.dashboard}
                        {d.filters ? ` · ${d.filters}` : ""}
                        {d.createdBy ? ` · by ${d.createdBy}` : ""}
                      </span>
                    </td>
                    <td className={`${TD} whitespace-nowrap`}>{d.schedule}</td>
                    <td className={`${TD} text-slate-600 dark:text-slate-300`}>{d.sendTo.join(", ")}</td>
                    <td className={`${TD} whitespace-nowrap text-slate-600 dark:text-slate-300`}>
                      {d.enabled ? <Moment at={d.nextRunAt} timeZone={timeZone} /> : <span className="font-medium text-amber-800 dark:text-amber-300">Paused</span>}
                    </td>
                    <td className={`${TD} text-slate-600 dark:text-slate-300`} data-testid="digest-last-result">
                      <Moment at={d.lastRunAt} timeZone={timeZone} />
                      {d.lastResult && <span className="block text-xs">{d.lastResult}</span>}
                    </td>
                    <td className={TD}>
                      <div className="flex flex-wrap justify-end gap-2">
                        <form action={sendDigestNowAction.bind(null, d.id)}>
                          <button type="submit" className={BUTTON_SECONDARY}>
                            Send now
                          </button>
                        </form>
                        <form action={setDigestEnabledAction.bind(null, d.id, !d.enabled)}>
                          <button type="submit" className={BUTTON_SECONDARY}>
                            {d.enabled ? "Pause" : "Resume"}
                          </button>
                        </form>
                        <ConfirmButton label="Delete" question={`Delete the digest “${d.name}”? Messages already queued are still sent.`} action={deleteDigestAction.bind(null, d.id)} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
    </SettingsPage>
  );
}
