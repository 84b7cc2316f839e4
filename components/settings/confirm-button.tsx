"use client";

import { BUTTON_DANGER } from "@/components/ui/field";

/** A submit button for a destructive server action that asks first. */
export function ConfirmButton({ label, question, action }: { label: string; question: string; action: () => Promise<void> }) {
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
    >
      <button type="submit" className={BUTTON_DANGER}>
        {label}
      </button>
    </form>
  );
}
