"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

export function DashboardSettingsForm({
  action,
  dashboard,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  dashboard?: { name: string; pollSeconds: number; isDefault: boolean };
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  return (
    <form action={submit} className="flex flex-wrap items-end gap-4" data-testid="dashboard-settings">
      <Field className="min-w-64" label="Name" name="name" required defaultValue={sent.name?.[0] ?? dashboard?.name} error={errors.name} />
      {dashboard && (
        <>
          <Field label="Refresh every (seconds)" name="pollSeconds" type="number" min={5} max={3600} required defaultValue={sent.pollSeconds?.[0] ?? String(dashboard.pollSeconds)} error={errors.pollSeconds} />
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="isDefault" defaultChecked={dashboard.isDefault} className="h-4 w-4 accent-indigo-600" />
            Opens first (default)
          </label>
        </>
      )}
      <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
        {pending ? "Saving…" : dashboard ? "Save" : "Create dashboard"}
      </button>
      {state.notice && (
        <p role="status" className="pb-2 text-sm text-emerald-800">
          {state.notice}
        </p>
      )}
      {errors.form && <p className="pb-2 text-sm text-red-700">{errors.form}</p>}
    </form>
  );
}
