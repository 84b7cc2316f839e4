"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, SelectField } from "@/components/ui/field";
import { KpiAmountField } from "@/components/ui/kpi-amount-field";
import { useChosenKpi } from "@/components/ui/use-chosen-kpi";
import type { FormState } from "@/lib/forms/form-state";

interface Option {
  value: string;
  label: string;
}

/** A KPI to choose: a custom one says whether its amounts are durations. */
type KpiOption = Option & { duration?: boolean };

/** Set the target of one KPI for the organisation, a team or an agent (replacing any it had). */
export function TargetForm({ action, kpis, scopes }: { action: (state: FormState, form: FormData) => Promise<FormState>; kpis: KpiOption[]; scopes: Option[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  const [kpiKey, pickKpi] = useChosenKpi(sent.kpiKey?.[0] ?? kpis[0]?.value ?? "");
  const duration = kpis.find((k) => k.value === kpiKey)?.duration;
  return (
    <form action={submit} onChange={pickKpi} className="grid gap-4 md:grid-cols-3 lg:grid-cols-6" data-testid="target-form">
      <SelectField label="KPI" name="kpiKey" options={kpis} defaultValue={kpiKey} error={errors.kpiKey} className="md:col-span-2" />
      <SelectField label="For" name="scope" options={scopes} defaultValue={sent.scope?.[0]} error={errors.scope ?? errors.agent} />
      <KpiAmountField label="Target" name="value" kpiKey={kpiKey} duration={duration} required defaultValue={sent.value?.[0]} error={errors.value} />
      <KpiAmountField label="Warning beyond" name="warning" kpiKey={kpiKey} duration={duration} required defaultValue={sent.warning?.[0]} error={errors.warning} />
      <KpiAmountField label="Critical beyond" name="critical" kpiKey={kpiKey} duration={duration} required defaultValue={sent.critical?.[0]} error={errors.critical} />
      <div className="flex items-center gap-3 md:col-span-3 lg:col-span-6">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : "Save target"}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
        <p className="text-sm text-slate-500 dark:text-slate-400">Times as durations such as 1h 30m, 90m or 1:30:00 (a bare number is seconds), rates in percent, scores on their scale.</p>
      </div>
    </form>
  );
}
