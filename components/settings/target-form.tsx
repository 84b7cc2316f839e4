"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

interface Option {
  value: string;
  label: string;
}

const SELECT = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus-visible:ring-2 focus-visible:ring-indigo-500/40";

/** Set the target of one KPI for the organisation, a team or an agent (replacing any it had). */
export function TargetForm({ action, kpis, scopes }: { action: (state: FormState, form: FormData) => Promise<FormState>; kpis: Option[]; scopes: Option[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  return (
    <form action={submit} className="grid gap-4 md:grid-cols-3 lg:grid-cols-6" data-testid="target-form">
      <label className="block md:col-span-2">
        <span className="text-sm font-medium text-slate-700">KPI</span>
        <select name="kpiKey" className={SELECT} defaultValue={sent.kpiKey?.[0]}>
          {kpis.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        {errors.kpiKey && <span className="mt-1 block text-sm text-red-700">{errors.kpiKey}</span>}
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">For</span>
        <select name="scope" className={SELECT} defaultValue={sent.scope?.[0]}>
          {scopes.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        {(errors.scope || errors.agent) && <span className="mt-1 block text-sm text-red-700">{errors.scope ?? errors.agent}</span>}
      </label>
      <Field label="Target" name="value" inputMode="decimal" required defaultValue={sent.value?.[0]} error={errors.value} />
      <Field label="Warning beyond" name="warning" inputMode="decimal" required defaultValue={sent.warning?.[0]} error={errors.warning} />
      <Field label="Critical beyond" name="critical" inputMode="decimal" required defaultValue={sent.critical?.[0]} error={errors.critical} />
      <div className="flex items-center gap-3 md:col-span-3 lg:col-span-6">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : "Save target"}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
        <p className="text-sm text-slate-500">Durations in seconds, rates in percent, scores on their scale.</p>
      </div>
    </form>
  );
}
