"use client";

import { useActionState, useState } from "react";

import { BUTTON_PRIMARY, Field, SelectField } from "@/components/ui/field";
import { KpiAmountField } from "@/components/ui/kpi-amount-field";
import { useChosenKpi } from "@/components/ui/use-chosen-kpi";
import type { FormState } from "@/lib/forms/form-state";

const LABEL = "text-sm font-medium text-slate-700 dark:text-slate-200";

interface Option {
  value: string;
  label: string;
}

interface CompetitionFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** A custom KPI says whether its goal is a duration. */
  kpis: (Option & { duration?: boolean })[];
  agents: (Option & { team: string })[];
  teams: Option[];
  today: string;
}

/** A KPI, the days it runs, who takes part, and optionally a goal and a prize. */
export function CompetitionForm({ action, kpis, agents, teams, today }: CompetitionFormProps) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const sent = state.values ?? {};
  const [kind, setKind] = useState(sent.participantKind?.[0] ?? "agent");
  const errors = state.errors ?? {};
  const chosen = new Set([...(sent.agents ?? []), ...(sent.teams ?? [])]);
  const options = kind === "team" ? teams : agents;
  const [kpiKey, pickKpi] = useChosenKpi(sent.kpiKey?.[0] ?? "tickets_solved");
  return (
    <form action={submit} onChange={pickKpi} className="grid gap-4 md:grid-cols-2" data-testid="competition-form">
      <Field label="Name" name="name" required defaultValue={sent.name?.[0]} error={errors.name} placeholder="December sprint" />
      <SelectField label="KPI" name="kpiKey" options={kpis} defaultValue={kpiKey} error={errors.kpiKey} />
      <Field label="First day" name="firstDay" type="date" required defaultValue={sent.firstDay?.[0] ?? today} error={errors.firstDay} />
      <Field label="Last day" name="lastDay" type="date" required defaultValue={sent.lastDay?.[0] ?? today} error={errors.lastDay} />
      <KpiAmountField label="Goal (optional)" name="goal" kpiKey={kpiKey} duration={kpis.find((k) => k.value === kpiKey)?.duration} defaultValue={sent.goal?.[0]} error={errors.goal} />
      <Field label="Prize (optional)" name="prize" defaultValue={sent.prize?.[0]} error={errors.prize} placeholder="Team lunch" />
      <fieldset className="md:col-span-2">
        <legend className={LABEL}>Who takes part</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["agent", "team"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 max-sm:min-h-8">
              <input type="radio" name="participantKind" value={k} checked={kind === k} onChange={() => setKind(k)} className="accent-indigo-600" />
              {k === "agent" ? "Agents" : "Teams"}
            </label>
          ))}
        </div>
        <div className="mt-3 grid max-h-64 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2 rounded-lg border border-slate-200 p-3 md:grid-cols-3 dark:border-slate-700">
          {options.map((o) => (
            <label key={`${kind}:${o.value}`} className="flex items-center gap-2 text-sm max-sm:min-h-8">
              <input type="checkbox" name={kind === "team" ? "teams" : "agents"} value={o.value} defaultChecked={chosen.has(o.value)} className="h-4 w-4 accent-indigo-600" />
              <span className="truncate">
                {o.label}
                {"team" in o && o.team ? <span className="text-slate-500 dark:text-slate-400"> · {String(o.team)}</span> : null}
              </span>
            </label>
          ))}
        </div>
        {errors.participants && <span className="mt-1 block text-sm text-red-700">Participants: {errors.participants}</span>}
      </fieldset>
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Creating…" : "Create competition"}
        </button>
        {errors.form && <p className="text-sm text-red-700">{errors.form}</p>}
      </div>
    </form>
  );
}
