"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, Field, SelectField } from "@/components/ui/field";
import { KpiAmountField } from "@/components/ui/kpi-amount-field";
import { useChosenKpi } from "@/components/ui/use-chosen-kpi";
import type { FormState } from "@/lib/forms/form-state";

const SCOPES = [
  { value: "agent", label: "An agent" },
  { value: "team", label: "A team" },
];
const PERIODS = [
  { value: "day", label: "A day" },
  { value: "week", label: "A week" },
  { value: "month", label: "A month" },
];

/** "50 tickets solved in a day": a KPI, whose, over what period, and the threshold to reach. */
export function AchievementForm({ action, kpis }: { action: (state: FormState, form: FormData) => Promise<FormState>; kpis: { value: string; label: string; duration?: boolean }[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  const [kpiKey, pickKpi] = useChosenKpi(sent.kpiKey?.[0] ?? "tickets_solved");
  return (
    <form action={submit} onChange={pickKpi} className="grid gap-4 md:grid-cols-3" data-testid="achievement-form">
      <Field label="Name" name="name" required defaultValue={sent.name?.[0]} error={errors.name} placeholder="50 solved in a day" />
      <SelectField label="KPI" name="kpiKey" options={kpis} defaultValue={kpiKey} error={errors.kpiKey} />
      <KpiAmountField label="Threshold" name="threshold" kpiKey={kpiKey} duration={kpis.find((k) => k.value === kpiKey)?.duration} required defaultValue={sent.threshold?.[0]} error={errors.threshold} />
      <SelectField label="Earned by" name="scope" options={SCOPES} defaultValue={sent.scope?.[0] ?? "agent"} error={errors.scope} />
      <SelectField label="Within" name="period" options={PERIODS} defaultValue={sent.period?.[0] ?? "day"} error={errors.period} />
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
        <p className="text-sm text-slate-500 dark:text-slate-400">Reached at or better than the threshold in the KPI’s direction; times as durations such as 1h 30m or 90m (a bare number is seconds), rates in percent.</p>
      </div>
    </form>
  );
}
