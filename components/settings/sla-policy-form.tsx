"use client";

import { useActionState } from "react";

import { TABLE, TD, TH } from "@/components/settings/settings-page";
import { BUTTON_PRIMARY } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";
import { formatDurationInput } from "@/lib/forms/parse-duration-input";
import type { SlaPolicy } from "@/lib/sla/sla-policies";

const INPUT =
  "w-28 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm tabular-nums aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900";
const SELECT = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

const duration = (seconds: number | null) => (seconds === null ? "" : formatDurationInput(seconds));

/** Targets per priority: first response and resolution, each a duration ("4h", "1h 30m") on its own clock. */
export function SlaPolicyForm({ action, policies }: { action: (state: FormState, form: FormData) => Promise<FormState>; policies: SlaPolicy[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  const target = (p: SlaPolicy, name: "firstResponse" | "resolution") => {
    const field = `${p.priority}.${name}`;
    const basis = `${field}Hours`;
    return (
      <td className={TD}>
        <div className="flex items-center gap-2">
          <input
            name={field}
            aria-label={`${p.priority} ${name === "firstResponse" ? "first response" : "resolution"} target`}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${field}-error` : undefined}
            defaultValue={sent[field]?.[0] ?? duration(p[`${name}Seconds`])}
            placeholder="none"
            className={INPUT}
          />
          <select name={basis} defaultValue={sent[basis]?.[0] ?? p[`${name}Hours`]} className={SELECT} aria-label={`${p.priority} ${name} clock`}>
            <option value="business">business hours</option>
            <option value="calendar">calendar time</option>
          </select>
        </div>
        {errors[field] && (
          <span id={`${field}-error`} className="mt-1 block text-sm text-red-700">
            {errors[field]}
          </span>
        )}
      </td>
    );
  };
  return (
    <form action={submit} data-testid="sla-form">
      <table className={TABLE}>
        <thead>
          <tr>
            <th className={TH}>Priority</th>
            <th className={TH}>First response within</th>
            <th className={TH}>Resolution within</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.priority}>
              <td className={`${TD} font-medium capitalize`}>{p.priority}</td>
              {target(p, "firstResponse")}
              {target(p, "resolution")}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : "Save SLA targets"}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Write a target as a duration such as 4h, 1h 30m or 1:30:00 (a bare number is seconds). Leave it empty for none: tickets of that priority are then outside that SLA.
        </p>
      </div>
    </form>
  );
}
