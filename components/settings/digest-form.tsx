"use client";

import { useActionState, useState } from "react";

import { BUTTON_PRIMARY, Field, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

type Option = { value: string; label: string };

function Checkboxes({ name, label, options, empty, sent, error }: { name: string; label: string; options: Option[]; empty: string; sent: string[]; error?: string }) {
  return (
    <fieldset className="basis-full" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{label}</legend>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={sent.includes(option.value)} className="h-4 w-4 accent-indigo-600" />
            {option.label}
          </label>
        ))}
        {options.length === 0 && <span className="text-sm text-slate-500 dark:text-slate-400">{empty}</span>}
      </div>
      {error && (
        <span id={`${name}-error`} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** The create form: what to send, when on the organisation's clock, and to whom. */
export function DigestForm({
  action,
  options,
  timeZone,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  options: { dashboards: Option[]; weekdays: Option[]; team: Option[]; channel: Option[]; channels: Option[]; people: Option[] };
  timeZone: string;
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  // A refused form shows what was sent (React resets a form after its action).
  const sent = state.values ?? {};
  const [frequency, setFrequency] = useState(sent.frequency?.[0] ?? "daily");
  return (
    <div className="space-y-4">
      {state.notice && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
          {state.notice}
        </p>
      )}
      <form action={submit} className="flex flex-wrap items-start gap-4" key={state.notice}>
        <SelectField className="min-w-48" label="Dashboard" name="dashboard" options={options.dashboards} defaultValue={sent.dashboard?.[0]} error={errors.dashboard} />
        <Field className="min-w-56" label="Name" name="name" defaultValue={sent.name?.[0] ?? ""} placeholder="Morning numbers" required error={errors.name} />
        <label className="block min-w-36">
          <span className="text-sm font-medium text-slate-700 dark:text-slate-200">How often</span>
          <select
            name="frequency"
            value={frequency}
            onChange={(event) => setFrequency(event.target.value)}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500/40 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="daily">Daily (yesterday)</option>
            <option value="weekly">Weekly (last 7 days)</option>
          </select>
          {errors.frequency && <span className="mt-1 block text-sm text-red-700">{errors.frequency}</span>}
        </label>
        {frequency === "weekly" && <SelectField className="min-w-40" label="Weekday" name="weekday" options={options.weekdays} defaultValue={sent.weekday?.[0]} error={errors.weekday} />}
        <Field className="w-52" label={`Time (${timeZone})`} name="time" type="time" defaultValue={sent.time?.[0] ?? "08:00"} required error={errors.time} />
        <SelectField className="min-w-44" label="Team" name="team" options={options.team} defaultValue={sent.team?.[0]} error={errors.team} />
        <SelectField className="min-w-44" label="Channel" name="channel" options={options.channel} defaultValue={sent.channel?.[0]} error={errors.channel} />
        <Checkboxes
          name="channels"
          label="Send to channels (the whole organisation's numbers, narrowed by the team and channel above)"
          options={options.channels}
          empty="No delivery channels yet: an admin adds them in Settings → Notifications."
          sent={sent.channels ?? []}
          error={errors.channels}
        />
        <Checkboxes
          name="people"
          label="Send to people by email (each sees only what they may: a team lead their teams, an agent their own numbers)"
          options={options.people}
          empty="No users."
          sent={sent.people ?? []}
          error={errors.people}
        />
        <div className="basis-full">
          <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
            {pending ? "Creating…" : "Create digest"}
          </button>
        </div>
      </form>
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
    </div>
  );
}
