"use client";

import { useActionState, useEffect, useState } from "react";

import { BUTTON_PRIMARY, Field, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";
import { FORMULA_UNITS, type FormulaUnit } from "@/lib/kpi/custom/formula-tree";
import type { CustomKpiPreview, PreviewInput } from "@/lib/kpi/custom/preview-custom-kpi";

const UNIT_LABELS: Record<FormulaUnit, string> = { count: "Count", duration: "Duration", percent: "Percent", score: "Score", number: "Number" };
const DIRECTIONS = [
  { value: "higher", label: "Higher is better" },
  { value: "lower", label: "Lower is better" },
  { value: "neutral", label: "Neither (a volume)" },
];
/** Long enough that a preview is not computed for every key stroke. */
const PREVIEW_DELAY_MS = 400;

interface CustomKpiFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  preview: (input: PreviewInput) => Promise<CustomKpiPreview>;
  initial: { key: string; name: string; description: string; unit: string; direction: string; formula: string } | null;
}

/** The formula with the place the checker names underlined, so the error points where it is. */
function Underlined({ formula, start, end }: { formula: string; start: number; end: number }) {
  const to = Math.max(end, start + 1);
  return (
    <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200" aria-hidden>
      {formula.slice(0, start)}
      <span className="bg-red-100 text-red-800 underline decoration-red-600 decoration-wavy dark:bg-red-950 dark:text-red-200">{formula.slice(start, to) || " "}</span>
      {formula.slice(to)}
    </pre>
  );
}

/** Define or edit a custom KPI: its facts, its formula, and what it gives today and over the last 30 days while it is typed. */
export function CustomKpiForm({ action, preview, initial }: CustomKpiFormProps) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const sent = state.values ?? {};
  const errors = state.errors ?? {};
  const [formula, setFormula] = useState(sent.formula?.[0] ?? initial?.formula ?? "");
  const [unit, setUnit] = useState<FormulaUnit>((sent.unit?.[0] ?? initial?.unit ?? "count") as FormulaUnit);
  const [shown, setShown] = useState<{ for: string; result: CustomKpiPreview } | null>(null);
  const asked = `${unit}\n${formula}`;

  useEffect(() => {
    if (formula.trim() === "") return;
    let current = true;
    const timer = setTimeout(() => {
      void preview({ formula, unit, ...(initial && { key: initial.key }) }).then((result) => {
        if (current) setShown({ for: asked, result });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [asked, formula, unit, initial, preview]);

  const result = formula.trim() !== "" && shown?.for === asked ? shown.result : null;
  return (
    <form action={submit} className="grid gap-4 md:grid-cols-2" data-testid="custom-kpi-form">
      <Field label="Name" name="name" required defaultValue={sent.name?.[0] ?? initial?.name} error={errors.name} />
      <Field label="Description" name="description" defaultValue={sent.description?.[0] ?? initial?.description} error={errors.description} />
      <label className="block">
        <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Unit</span>
        <select
          name="unit"
          value={unit}
          onChange={(e) => setUnit(e.target.value as FormulaUnit)}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          {FORMULA_UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_LABELS[u]}
            </option>
          ))}
        </select>
        {errors.unit && <span className="mt-1 block text-sm text-red-700">{errors.unit}</span>}
      </label>
      <SelectField label="Direction" name="direction" options={DIRECTIONS} defaultValue={sent.direction?.[0] ?? initial?.direction ?? "higher"} error={errors.direction} />
      <label className="block md:col-span-2">
        <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Formula</span>
        <textarea
          name="formula"
          required
          rows={3}
          value={formula}
          onChange={(e) => setFormula(e.target.value)}
          spellCheck={false}
          aria-invalid={errors.formula || (result && !result.ok) ? true : undefined}
          aria-describedby="formula-help"
          placeholder="share(tickets by created, channel = chat)"
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
        />
        <span id="formula-help" className="mt-1 block text-sm text-slate-500 dark:text-slate-400">
          Count, share, sum, mean, median, p90, max or distinct over tickets, replies, calls, surveys, knowledge-base views or agent status, with conditions on their fields, and arithmetic over them and over other KPIs (docs/custom-kpis.md).
        </span>
        {errors.formula && <span className="mt-1 block text-sm text-red-700" data-testid="formula-error">{errors.formula}</span>}
      </label>
      <div className="md:col-span-2" aria-live="polite" data-testid="custom-kpi-preview">
        {result === null ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">{formula.trim() === "" ? "Type a formula to see what it gives." : "Computing…"}</p>
        ) : result.ok ? (
          <dl className="grid grid-cols-2 gap-4 text-sm">
            {([["Today", result.today], ["Last 30 days", result.last30Days]] as const).map(([label, figure]) => (
              <div key={label}>
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{figure.formatted}</dd>
                <dd className="text-slate-500 dark:text-slate-400">{figure.note ? `Not computed yet: ${figure.note}` : `${figure.n} records`}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <div>
            <p className="text-sm text-red-700" data-testid="preview-error">
              {result.error.line}:{result.error.column}: {result.error.message}
            </p>
            <Underlined formula={formula} start={result.error.span.start} end={result.error.span.end} />
          </div>
        )}
      </div>
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : initial ? "Save a new version" : "Create KPI"}
        </button>
        {errors.form && <p className="text-sm text-red-700">{errors.form}</p>}
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
      </div>
    </form>
  );
}
