"use client";

import { useActionState, useState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

export interface ConnectionKindOption {
  value: string;
  label: string;
  secretFields: { name: string; label: string }[];
}

/** Adds a connection; its secret fields are password inputs and are never filled in again. */
export function ConnectionForm({ action, kinds, defaultSince }: { action: (state: FormState, form: FormData) => Promise<FormState>; kinds: ConnectionKindOption[]; defaultSince: string }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  const [kind, setKind] = useState(sent.kind?.[0] ?? kinds[0]?.value ?? "");
  const secretFields = kinds.find((k) => k.value === kind)?.secretFields ?? [];
  return (
    <div className="space-y-4">
      {state.notice && (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {state.notice}
        </p>
      )}
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <form action={submit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block">
          <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Help desk</span>
          <select
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <Field label="Name" name="name" required defaultValue={sent.name?.[0]} error={errors.name} />
        <Field label="Base URL" name="baseUrl" type="url" required placeholder="https://yourcompany.zendesk.com" defaultValue={sent.baseUrl?.[0]} error={errors.baseUrl} />
        <Field label="Backfill from" name="since" type="date" required defaultValue={sent.since?.[0] ?? defaultSince} error={errors.since} />
        {secretFields.map((field) => (
          <Field key={`${kind}-${field.name}`} label={field.label} name={`secret:${field.name}`} type="password" autoComplete="off" />
        ))}
        <div className="flex items-end">
          <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
            {pending ? "Connecting…" : "Connect"}
          </button>
        </div>
      </form>
    </div>
  );
}
