import type { ReactNode } from "react";

/** The frame of a settings page: title, one line on what it is for, then its sections. */
export function SettingsPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-6 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-slate-500 dark:text-slate-400">{intro}</p>
      </div>
      {children}
    </main>
  );
}

export function SettingsSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid={testId}>
      <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export const TABLE = "w-full text-left text-sm";
export const TH = "border-b border-slate-200 py-2 pr-4 font-medium text-slate-500 dark:text-slate-400 dark:border-slate-700";
export const TD = "border-b border-slate-100 py-2.5 pr-4 align-top dark:border-slate-800";

/** A moment in the organisation's zone, or a dash for never. */
export function Moment({ at, timeZone, never = "Never" }: { at: Date | null; timeZone: string; never?: string }) {
  if (!at) return <span className="text-slate-500 dark:text-slate-400">{never}</span>;
  const text = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
  return <time dateTime={at.toISOString()}>{text}</time>;
}

/** A background job's last error and when it happened, or "None": connections and delivery channels. */
export function LastError({ error, at, timeZone, testId }: { error: string | null; at: Date | null; timeZone: string; testId?: string }) {
  if (!error) return <span className="text-slate-500 dark:text-slate-400">None</span>;
  return (
    <div className="max-w-72 text-xs" data-testid={testId}>
      {error}
      <div className="text-slate-500 dark:text-slate-400">
        <Moment at={at} timeZone={timeZone} />
      </div>
    </div>
  );
}
