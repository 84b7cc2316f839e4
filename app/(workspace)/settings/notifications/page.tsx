import type { Metadata } from "next";

import { ChannelForm } from "@/components/settings/channel-form";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { SendTestButton } from "@/components/settings/send-test-button";
import { LastError, Moment, SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { notificationsPage } from "@/lib/views/settings/notifications-page";

import { createChannelAction, deleteChannelAction, sendTestAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

const STATUS_STYLE = {
  sent: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

export default async function NotificationsSettingsPage() {
  const { channels, deliveries, kinds, timeZone } = await notificationsPage(await requirePage("notifications:manage"));
  return (
    <SettingsPage
      title="Notifications"
      intro="Where scheduled digests and alerts are delivered: an SMTP server, a Slack or Microsoft Teams incoming webhook, or a signed HTTPS webhook. Passwords and webhook addresses are stored encrypted and never shown again. A failed delivery is retried after 1, 5 and 15 minutes, 1 and 3 hours."
    >
      <SettingsSection title="Add a channel">
        <ChannelForm action={createChannelAction} kinds={kinds} />
      </SettingsSection>
      <SettingsSection title="Channels" testId="channels-list">
        {channels.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No channels yet. Add one above, then choose it for a digest or an alert.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Name</th>
                  <th className={TH}>Last delivered</th>
                  <th className={TH}>Waiting</th>
                  <th className={TH}>Last error</th>
                  <th className={TH}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {channels.map((c) => (
                  <tr key={c.id} data-testid="channel-row">
                    <td className={TD}>
                      <div className="font-medium">{c.name}</div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">
                        {c.kindLabel}
                        {c.target && ` · ${c.target}`}
                      </div>
                    </td>
                    <td className={TD}>
                      <Moment at={c.lastSentAt} timeZone={timeZone} />
                    </td>
                    <td className={`${TD} tabular-nums`}>{c.pending}</td>
                    <td className={TD}>
                      <LastError error={c.lastError} at={c.lastErrorAt} timeZone={timeZone} testId="channel-error" />
                    </td>
                    <td className={TD}>
                      <div className="flex flex-wrap items-start gap-2">
                        <SendTestButton action={sendTestAction.bind(null, c.id)} />
                        <ConfirmButton label="Delete" question={`Delete “${c.name}”? Digests and alerts stop sending to it.`} action={deleteChannelAction.bind(null, c.id)} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
      <SettingsSection title="Recent deliveries" testId="deliveries-list">
        {deliveries.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Nothing sent yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Queued</th>
                  <th className={TH}>Channel</th>
                  <th className={TH}>Message</th>
                  <th className={TH}>Status</th>
                  <th className={TH}>Attempts</th>
                  <th className={TH}>Error</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} data-testid="delivery-row">
                    <td className={`${TD} whitespace-nowrap`}>
                      <Moment at={d.createdAt} timeZone={timeZone} />
                    </td>
                    <td className={TD}>{d.channel}</td>
                    <td className={TD}>
                      <div>{d.title}</div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">{d.source}</div>
                    </td>
                    <td className={TD}>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[d.status]}`}>{d.status === "pending" && d.attempts > 0 ? "retrying" : d.status}</span>
                    </td>
                    <td className={`${TD} tabular-nums`}>{d.attempts}</td>
                    <td className={`${TD} max-w-72 text-xs`}>{d.lastError ?? ""}</td>
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
