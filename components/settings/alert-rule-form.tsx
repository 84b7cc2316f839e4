"use client";

import { useActionState, useState, type FormEvent } from "react";

import { BUTTON_PRIMARY, Field, SelectField } from "@/components/ui/field";
import { KpiAmountField } from "@/components/ui/kpi-amount-field";
import type { FormState } from "@/lib/forms/form-state";
import type { AlertsPage } from "@/lib/views/settings/alerts-page";

const KINDS = [
  { value: "kpi", label: "A KPI" },
  { value: "sla_at_risk", label: "SLA tickets at risk" },
];
const CONDITIONS = [
  { value: "threshold", label: "Worse than a threshold" },
  { value: "off_target", label: "Off its target" },
];
const LEGEND = "text-sm font-medium text-slate-700 dark:text-slate-200";
const CHECK = "flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200";

/** A new alert rule: what to watch (a KPI with filters, or SLA tickets at risk), when it is bad, for how long, who hears. */
export function AlertRuleForm({ action, options }: { action: (state: FormState, form: FormData) => Promise<FormState>; options: AlertsPage["options"] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  const first = (name: string) => sent[name]?.[0];
  // Followed through change events so the selects stay uncontrolled, as in the targets form.
  const [chosen, setChosen] = useState({ kind: first("kind") ?? "kpi", kpiKey: first("kpiKey") ?? options.kpis[0]?.value ?? "", condition: first("condition") ?? "threshold" });
  const follow = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLSelectElement;
    if (input.name in chosen) setChosen({ ...chosen, [input.name]: input.value });
  };
  const kpi = chosen.kind === "kpi";
  const duration = options.kpis.find((k) => k.value === chosen.kpiKey)?.duration;
  const checked = (name: string, value: string) => sent[name]?.includes(value);
  return (
    <form action={submit} onChange={follow} className="grid gap-4 md:grid-cols-4" data-testid="alert-rule-form">
      <Field label="Name" name="name" required maxLength={100} defaultValue={first("name")} error={errors.name} className="md:col-span-2" />
      <SelectField label="Watch" name="kind" options={KINDS} defaultValue={chosen.kind} error={errors.kind} />
      <Field label="For (minutes)" name="holdMinutes" inputMode="numeric" required defaultValue={first("holdMinutes") ?? "15"} error={errors.holdMinutes} />
      {kpi ? (
        <>
          <SelectField label="KPI" name="kpiKey" options={options.kpis} defaultValue={chosen.kpiKey} error={errors.kpiKey} className="md:col-span-2" />
          <SelectField label="Alert when" name="condition" options={CONDITIONS} defaultValue={chosen.condition} error={errors.condition} />
          {chosen.condition === "threshold" ? (
            <KpiAmountField label="Threshold" name="threshold" kpiKey={chosen.kpiKey} duration={duration} required defaultValue={first("threshold")} error={errors.threshold} />
          ) : (
            <p className="self-end pb-2 text-sm text-slate-500 dark:text-slate-400">Off or critical against the target in Settings → Targets.</p>
          )}
          <SelectField label="Over" name="window" options={options.windows} defaultValue={first("window") ?? "last_hour"} error={errors.window} />
        </>
      ) : (
        <>
          <Field label="More than (tickets)" name="moreThan" inputMode="numeric" required defaultValue={first("moreThan")} error={errors.moreThan} />
          <Field label="Due within (minutes)" name="horizonMinutes" inputMode="numeric" defaultValue={first("horizonMinutes") ?? "60"} error={errors.horizonMinutes} />
          <input type="hidden" name="window" value="today" />
        </>
      )}
      <SelectField label="Team" name="team" options={options.team} defaultValue={first("team")} error={errors.team} />
      <SelectField label="Channel" name="channel" options={options.channel} defaultValue={first("channel")} error={errors.channel} />
      {kpi && <SelectField label="Queue" name="queue" options={options.queue} defaultValue={first("queue")} error={errors.queue} />}

      <fieldset className="md:col-span-2">
        <legend className={LEGEND}>Tell</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          <label className={CHECK}>
            <input type="checkbox" name="notifyManagers" defaultChecked={state.values ? checked("notifyManagers", "on") : true} /> Managers&apos; and admins&apos; bells
          </label>
          {options.notificationChannels.map((c) => (
            <label key={c.value} className={CHECK}>
              <input type="checkbox" name="channelIds" value={c.value} defaultChecked={checked("channelIds", c.value)} /> {c.label}
            </label>
          ))}
        </div>
        {options.notificationChannels.length === 0 && <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">No delivery channels yet: admins add email, Slack, Teams or webhooks in Settings → Notifications.</p>}
        {errors.channelIds && <p className="mt-1 text-sm text-red-700">{errors.channelIds}</p>}
      </fieldset>
      <fieldset className="md:col-span-2">
        <legend className={LEGEND}>Quiet hours (no channel messages; the bell and history go on)</legend>
        <div className="mt-1 grid grid-cols-2 gap-3">
          <Field label="From" name="quietStart" placeholder="22:00" autoComplete="off" defaultValue={first("quietStart")} error={errors.quietStart} />
          <Field label="Until" name="quietEnd" placeholder="07:00" autoComplete="off" defaultValue={first("quietEnd")} error={errors.quietEnd} />
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1" role="group" aria-labelledby="quiet-days-label">
          <span id="quiet-days-label" className="text-sm text-slate-500 dark:text-slate-400">
            Starting on (none: every day)
          </span>
          {options.weekdays.map((d) => (
            <label key={d.value} className={CHECK}>
              <input type="checkbox" name="quietDays" value={d.value} defaultChecked={checked("quietDays", d.value)} /> {d.label}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 md:col-span-4">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Creating…" : "Create alert"}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {state.notice}
          </p>
        )}
        {errors.form && <p className="text-sm text-red-700">{errors.form}</p>}
        <p className="text-sm text-slate-500 dark:text-slate-400">It fires once the condition has held for the minutes given, and resolves once it has been false as long (0: at once).</p>
      </div>
    </form>
  );
}
