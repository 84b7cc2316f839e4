import type { Metadata } from "next";

import { AlertRuleForm } from "@/components/settings/alert-rule-form";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { Moment, SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { BUTTON_SECONDARY } from "@/components/ui/field";
import { requirePage } from "@/lib/auth/guards";
import { alertsPage } from "@/lib/views/settings/alerts-page";

import { checkAlertsNowAction, createAlertRuleAction, deleteAlertRuleAction, setAlertRuleEnabledAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

const STATE_BADGE = {
  ok: ["OK", "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"],
  pending: ["Pending", "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300"],
  firing: ["Firing", "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300"],
  paused: ["Paused", "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"],
} as const;

export default async function AlertsPage() {
  const { timeZone, options, rules, history } = await alertsPage(await requirePage("alerts:manage"));
  return (
    <SettingsPage
      title="Alerts"
      intro="Tell people when a KPI is worse than a threshold or off its target, or too many SLA tickets are at risk, for some minutes. Checked every 30 seconds from the same numbers as the dashboards."
    >
      <SettingsSection title="New alert">
        <AlertRuleForm action={createAlertRuleAction} options={options} />
      </SettingsSection>
      <SettingsSection title="Rules" testId="alert-rules">
        <form action={checkAlertsNowAction} className="mb-4">
          <button type="submit" className={BUTTON_SECONDARY}>
            Check now
          </button>
        </form>
        {rules.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No alert rules yet. Create one above.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Name</th>
                  <th className={TH}>When</th>
                  <th className={TH}>Tells</th>
                  <th className={TH}>State</th>
                  <th className={`${TH} whitespace-nowrap`}>Last value</th>
                  <th className={`${TH} whitespace-nowrap`}>Last fired</th>
                  <th className={TH}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => {
                  const [label, tone] = STATE_BADGE[r.state];
                  return (
                    <tr key={r.id} data-testid="alert-rule">
                      <td className={`${TD} font-medium`}>{r.name}</td>
                      <td className={`${TD} max-w-xs`}>{r.condition}</td>
                      <td className={`${TD} max-w-[14rem] text-slate-600 dark:text-slate-300`}>{r.delivery}</td>
                      <td className={`${TD} whitespace-nowrap`}>
                        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`} data-testid="alert-state">
                          {label}
                        </span>
                        {r.state !== "paused" && (
                          <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">
                            since <Moment at={r.since} timeZone={timeZone} />
                          </span>
                        )}
                      </td>
                      <td className={`${TD} tabular-nums`}>{r.lastValue}</td>
                      <td className={`${TD} whitespace-nowrap`}>
                        <Moment at={r.lastFiredAt} timeZone={timeZone} />
                      </td>
                      <td className={TD}>
                        <div className="flex gap-2">
                          <form action={setAlertRuleEnabledAction.bind(null, r.id, !r.enabled)}>
                            <button type="submit" className={BUTTON_SECONDARY}>
                              {r.enabled ? "Pause" : "Resume"}
                            </button>
                          </form>
                          <ConfirmButton label="Delete" question={`Delete the alert ${r.name} and its history?`} action={deleteAlertRuleAction.bind(null, r.id)} />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
      <SettingsSection title="History" testId="alert-history">
        {history.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No alert has fired yet.</p>
        ) : (
          <table className={TABLE}>
            <thead>
              <tr>
                <th className={TH}>Alert</th>
                <th className={TH}>Fired</th>
                <th className={TH}>Value</th>
                <th className={TH}>Resolved</th>
                <th className={TH}>Value</th>
                <th className={TH}>Channels</th>
              </tr>
            </thead>
            <tbody>
              {history.map((e) => (
                <tr key={e.id} data-testid="alert-event">
                  <td className={`${TD} font-medium`}>{e.rule}</td>
                  <td className={TD}>
                    <Moment at={e.firedAt} timeZone={timeZone} />
                  </td>
                  <td className={`${TD} tabular-nums`}>{e.firedValue}</td>
                  <td className={TD}>
                    <Moment at={e.resolvedAt} timeZone={timeZone} never="Still firing" />
                  </td>
                  <td className={`${TD} tabular-nums`}>{e.resolvedValue ?? "—"}</td>
                  <td className={TD}>{e.suppressed ? "Held by quiet hours" : "As it happened"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SettingsSection>
    </SettingsPage>
  );
}
