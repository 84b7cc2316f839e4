import type { ReactNode } from "react";

/** The centred card of the pages a visitor sees before signing in. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-6 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-3">
          <span aria-hidden className="grid h-10 w-10 place-items-center rounded-xl bg-indigo-600 text-xl font-bold text-white">
            D
          </span>
          <span className="text-xl font-semibold tracking-tight">Deskpulse</span>
        </div>
        <section className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{subtitle}</p>
          <div className="mt-6">{children}</div>
        </section>
      </div>
    </main>
  );
}
