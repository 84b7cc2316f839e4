import Link from "next/link";
import type { ReactNode } from "react";

/** A drill-down page: breadcrumbs down to this page (named, not a link), title, filters, then its sections. */
export function DrillPage({ crumbs, title, subtitle, filters, children }: { crumbs: { href: string; label: string }[]; title: string; subtitle?: ReactNode; filters?: ReactNode; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-[1600px] space-y-6 px-6 py-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        {crumbs.map((crumb) => (
          <span key={crumb.href}>
            <Link href={crumb.href} className="hover:text-slate-800 hover:underline">
              {crumb.label}
            </Link>
            <span aria-hidden className="px-1.5">
              /
            </span>
          </span>
        ))}
        <span aria-current="page" className="text-slate-700 dark:text-slate-300">
          {title}
        </span>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
          {subtitle && <div className="mt-1 max-w-3xl text-slate-500 dark:text-slate-400">{subtitle}</div>}
        </div>
        {filters}
      </div>
      {children}
    </main>
  );
}

export function Panel({ title, children, testId, aside }: { title: string; children: ReactNode; testId?: string; aside?: ReactNode }) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid={testId}>
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
        {aside}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}
