"use client";

import { useEffect } from "react";

export interface CelebrationMessage {
  id: string;
  title: string;
  detail: string;
}

/** A short full-screen moment when a target is newly met; it dismisses itself. */
export function Celebration({ message, onDone }: { message: CelebrationMessage; onDone: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, 6000);
    return () => clearTimeout(timer);
  }, [message.id, onDone]);
  return (
    <div role="status" aria-live="assertive" data-testid="celebration" className="fixed inset-0 z-50 grid place-items-center bg-slate-950/85 motion-safe:animate-[fadein_400ms_ease-out]">
      <div className="text-center">
        <p aria-hidden className="text-[6rem] leading-none">🎉</p>
        <p className="mt-6 text-[3rem] font-bold text-white">{message.title}</p>
        <p className="mt-3 text-[1.8rem] text-emerald-300">{message.detail}</p>
      </div>
    </div>
  );
}
