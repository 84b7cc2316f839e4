"use client";

import { useState } from "react";

import { BUTTON_SECONDARY } from "@/components/ui/field";

/** A key or link shown once, right after it is created, with a copy button. */
export function SecretNotice({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4">
      <p className="text-sm font-medium text-emerald-900">{label} It is shown only now; store it somewhere safe.</p>
      <div className="mt-2 flex items-center gap-2">
        <code className="min-w-0 flex-1 overflow-x-auto rounded-lg bg-white px-3 py-2 font-mono text-sm text-slate-900 dark:bg-slate-950 dark:text-slate-100" data-testid="new-secret">
          {secret}
        </code>
        <button
          type="button"
          className={BUTTON_SECONDARY}
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
