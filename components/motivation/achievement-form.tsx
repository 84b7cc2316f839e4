"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

const SELECT = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
const LABEL = "text-sm font-medium text-slate-700 dark:text-slate-200";

/** "50 tickets solved in a day": a KPI, whose, over what period, and the threshold to reach. */
export function AchievementForm({ action, kpis }: { action: (state: FormState, form: FormData) => Promise<FormState>; kpis: { value: string; label: string }[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  return (
    <form action={submit} className="grid gap-4 md:grid-cols-3" data-testid="achievement-form">
      <Field label="Name" name="name" required defaultValue={sent.name?.[0]} error={errors.name} placeholder="50 solved in a day" />
      <label className="block">
        <span className={LABEL}>KPI</span>
        <select name="kpiKey" defaultValue={sent.kpiKey?.[0] ?? "tickets_solved"} className={SELECT}>
          {kpis.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        {errors.kpiKey && <span className="mt-1 block text-sm text-red-700">{errors.kpiKey}</span>}
      </label>
      <Field label="Threshold" name="threshold" inputMode="decimal" required defaultValue={sent.threshold?.[0]} error={errors.threshold} />
      <label className="block">
        <span className={LABEL}>Earned by</span>
        <select name="scope" defaultValue={sent.scope?.[0] ?? "agent"} className={SELECT}>
          <option value="agent">An agent</option>
          <option value="team">A team</option>
        </select>
      </label>
      <label className="block">
        <span className={LABEL}>Within</span>
        <select name="period" defaultValue={sent.period?.[0] ?? "day"} className={SELECT}>
          <option value="day">A day</option>
          <option value="week">A week</option>
          <option value="month">A month</option>
        </select>
      </label>
      <Field label="Over at least (records)" name="minSample" type="number" min={0} defaultValue={sent.minSample?.[0] ?? "0"} error={errors.minSample} />
      <div className="flex items-center gap-3 md:col-span-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : "Add achievement"}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
        <p className="text-sm text-slate-500">Reached at or better than the threshold in the KPI’s direction; durations in seconds, rates in percent.</p>
      </div>
    </form>
  );
}
