"use client";

import { useActionState } from "react";

import { BUTTON_SECONDARY } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

/** Sends a test message now and says, beside the button, whether it got through. */
export function SendTestButton({ action }: { action: () => Promise<FormState> }) {
  const [state, submit, pending] = useActionState<FormState>(action, {});
  return (
    <form action={submit} className="space-y-1">
      <button type="submit" className={BUTTON_SECONDARY} disabled={pending}>
        {pending ? "Sending…" : "Send test"}
      </button>
      {state.notice && (
        <p role="status" className="max-w-56 text-xs text-emerald-700 dark:text-emerald-300">
          {state.notice}
        </p>
      )}
      {state.errors?.form && (
        <p role="alert" className="max-w-56 text-xs text-red-700 dark:text-red-400">
          {state.errors.form}
        </p>
      )}
    </form>
  );
}
