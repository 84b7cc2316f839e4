"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

import { SecretNotice } from "./secret-notice";

export type SecretFormInput =
  | { kind: "text"; name: string; label: string; defaultValue?: string; required?: boolean }
  | { kind: "number"; name: string; label: string; defaultValue?: string; required?: boolean }
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[] }
  | { kind: "checkboxes"; name: string; label: string; options: { value: string; label: string }[]; empty: string };

/** A create form whose result is a secret shown once (an API key, a screen address). */
export function CreateSecretForm({
  action,
  inputs,
  submitLabel,
  secretLabel,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  inputs: SecretFormInput[];
  submitLabel: string;
  secretLabel: string;
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  // A refused form shows what was sent (React resets a form after its action).
  const sent = state.values ?? {};
  return (
    <div className="space-y-4">
      {state.secret && <SecretNotice label={`${state.notice ?? ""} ${secretLabel}`} secret={state.secret} />}
      <form action={submit} className="flex flex-wrap items-start gap-4">
        {inputs.map((input) => {
          if (input.kind === "text" || input.kind === "number") {
            return (
              <Field
                key={input.name}
                className="min-w-56"
                label={input.label}
                name={input.name}
                type={input.kind}
                defaultValue={sent[input.name]?.[0] ?? input.defaultValue}
                required={input.required}
                error={errors[input.name]}
              />
            );
          }
          if (input.kind === "select") {
            return (
              <label key={input.name} className="block min-w-48">
                <span className="text-sm font-medium text-slate-700 dark:text-slate-200">{input.label}</span>
                <select name={input.name} defaultValue={sent[input.name]?.[0]} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus-visible:ring-2 focus-visible:ring-indigo-500/40 dark:border-slate-600 dark:bg-slate-900">
                  {input.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
                {errors[input.name] && <span className="mt-1 block text-sm text-red-700">{errors[input.name]}</span>}
              </label>
            );
          }
          return (
            <fieldset key={input.name} className="basis-full">
              <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">{input.label}</legend>
              <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                {input.options.map((option) => (
                  <label key={option.value} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name={input.name} value={option.value} defaultChecked={sent[input.name]?.includes(option.value)} className="h-4 w-4 accent-indigo-600" />
                    {option.label}
                  </label>
                ))}
                {input.options.length === 0 && <span className="text-sm text-slate-500 dark:text-slate-400">{input.empty}</span>}
              </div>
              {errors[input.name] && <span className="mt-1 block text-sm text-red-700">{errors[input.name]}</span>}
            </fieldset>
          );
        })}
        <div className="basis-full">
          <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
            {pending ? "Creating…" : submitLabel}
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
