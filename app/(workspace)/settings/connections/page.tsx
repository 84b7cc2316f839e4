import type { Metadata } from "next";

import { ConfirmButton } from "@/components/settings/confirm-button";
import { ConnectionForm } from "@/components/settings/connection-form";
import { LastError, Moment, SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { BUTTON_SECONDARY } from "@/components/ui/field";
import { requirePage } from "@/lib/auth/guards";
import { connectionsPage } from "@/lib/views/settings/connections-page";

import { createConnectionAction, deleteConnectionAction, setConnectionPausedAction, syncConnectionNowAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Connections" };

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5_400) return `${Math.round(seconds / 60)} min`;
  return seconds < 172_800 ? `${Math.round(seconds / 3_600)} h` : `${Math.round(seconds / 86_400)} days`;
}

export default async function ConnectionsPage() {
  const { connections, kinds, timeZone, defaultSince } = await connectionsPage(await requirePage("keys:manage"));
  return (
    <SettingsPage
      title="Connections"
      intro="Deskpulse reads tickets, replies, ratings, groups and agents from your help desk every minute, after a backfill from the date you choose. Secrets are stored encrypted and never shown again."
    >
      <SettingsSection title="Connect a help desk">
        <ConnectionForm action={createConnectionAction} kinds={kinds} defaultSince={defaultSince} />
      </SettingsSection>
      <SettingsSection title="Connections" testId="connections-list">
        {connections.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No connections yet. Connect a help desk above, or push records with an ingest API key.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Name</th>
                  <th className={TH}>Status</th>
                  <th className={TH}>Backfill</th>
                  <th className={TH}>Last sync</th>
                  <th className={`${TH} text-right`}>Records</th>
                  <th className={TH}>Last error</th>
                  <th className={TH}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {connections.map((c) => (
                  <tr key={c.id}>
                    <td className={TD}>
                      <div className="font-medium">{c.name}</div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">
                        {c.kindLabel} · {c.baseUrl}
                      </div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">
                        Webhook: <code>{c.webhookPath}</code>
                      </div>
                    </td>
                    <td className={TD}>
                      <div>{c.status}</div>
                      {c.statusMessage && <div className="max-w-64 text-xs text-red-700 dark:text-red-400">{c.statusMessage}</div>}
                    </td>
                    <td className={`${TD} min-w-44`}>
                      <div
                        role="progressbar"
                        aria-label={`Backfill of ${c.name}`}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={Math.round(c.progress.fraction * 100)}
                        className="h-2 w-40 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
                      >
                        <div className="h-full bg-indigo-600" style={{ width: `${Math.round(c.progress.fraction * 100)}%` }} />
                      </div>
                      <div className="mt-1 text-xs text-slate-500 dark:text-slate-400 tabular-nums">
                        {Math.round(c.progress.fraction * 100)}%
                        {c.progress.lagSeconds !== null && ` · ${duration(c.progress.lagSeconds)} behind`}
                        {c.progress.etaSeconds !== null && ` · done in about ${duration(c.progress.etaSeconds)}`}
                      </div>
                    </td>
                    <td className={TD}>
                      <Moment at={c.lastSyncAt} timeZone={timeZone} />
                    </td>
                    <td className={`${TD} text-right tabular-nums`}>{c.recordsSynced.toLocaleString("en-GB")}</td>
                    <td className={TD}>
                      <LastError error={c.lastError} at={c.lastErrorAt} timeZone={timeZone} />
                    </td>
                    <td className={TD}>
                      <div className="flex flex-wrap gap-2">
                        <form action={syncConnectionNowAction.bind(null, c.id)}>
                          <button type="submit" className={BUTTON_SECONDARY}>
                            Sync now
                          </button>
                        </form>
                        <form action={setConnectionPausedAction.bind(null, c.id, !c.paused)}>
                          <button type="submit" className={BUTTON_SECONDARY}>
                            {c.paused ? "Resume" : "Pause"}
                          </button>
                        </form>
                        <ConfirmButton
                          label="Delete"
                          question={`Delete “${c.name}”? Records already synced stay; syncing stops.`}
                          action={deleteConnectionAction.bind(null, c.id)}
                        />
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
