"use client";

import { useActionState } from "react";

import { createFirstAdminAction } from "@/app/setup/[token]/actions";
import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createFirstAdminAction, {});
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={values.name?.[0]} error={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={values.email?.[0]} error={errors.email} />
      <Field label="Password (at least 8 characters)" name="password" type="password" autoComplete="new-password" required error={errors.password} />
      {(errors.form || errors.token) && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.form ?? errors.token}
        </p>
      )}
      <button type="submit" className={`${BUTTON_PRIMARY} w-full`} disabled={pending}>
        {pending ? "Creating…" : "Create admin"}
      </button>
    </form>
  );
}
