"use client";

import { useEffect } from "react";

import { AwardBadge } from "@/components/motivation/award-badge";

export interface CelebrationMessage {
  id: string;
  title: string;
  detail: string;
}

/**
 * A short moment when a target is newly met or an achievement is awarded; it dismisses itself.
 * Full screen on a wall TV; a corner card on a desk, where someone is working under it.
 */
export function Celebration({ message, onDone, variant = "screen" }: { message: CelebrationMessage; onDone: () => void; variant?: "screen" | "toast" }) {
  useEffect(() => {
    const timer = setTimeout(onDone, 6000);
    return () => clearTimeout(timer);
  }, [message.id, onDone]);
  if (variant === "toast") {
    return (
      <div
        role="status"
        aria-live="polite"
        data-testid="celebration"
        className="fixed bottom-6 right-6 z-50 flex max-w-sm items-start gap-3 rounded-2xl border border-emerald-200 bg-white p-4 shadow-lg motion-safe:animate-[fadein_400ms_ease-out] dark:border-emerald-800 dark:bg-slate-900"
      >
        <AwardBadge className="h-8 w-8" />
        <span>
          <span className="block font-semibold text-slate-900 dark:text-white">{message.title}</span>
          <span className="block text-sm text-emerald-800 dark:text-emerald-300">{message.detail}</span>
        </span>
        <button type="button" onClick={onDone} className="ml-2 text-slate-500 dark:text-slate-400 hover:text-slate-700" aria-label="Dismiss">
          ×
        </button>
      </div>
    );
  }
  return (
    <div role="status" aria-live="assertive" data-testid="celebration" className="fixed inset-0 z-50 grid place-items-center bg-slate-950/85 motion-safe:animate-[fadein_400ms_ease-out]">
      <div className="text-center">
        <AwardBadge className="mx-auto h-[6rem] w-[6rem]" />
        <p className="mt-6 text-[3rem] font-bold text-white">{message.title}</p>
        <p className="mt-3 text-[1.8rem] text-emerald-300">{message.detail}</p>
      </div>
    </div>
  );
}
