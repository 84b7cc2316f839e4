import Link from "next/link";

import type { DashboardPageView } from "@/lib/views/dashboard-page";

import { DashboardView } from "./dashboard-view";
import { FilterBar } from "./filter-bar";
import { PrintPageSize } from "./print-page-size";

/** A dashboard as a page: server-rendered numbers first, then live polling in the browser. */
export function DashboardPage({ view }: { view: DashboardPageView }) {
  if (view.kind === "no-dashboards") return <NoDashboards canCreate={view.canCreate} />;
  const { dashboard, tabs, search, scopeLabel } = view;
  return (
    <main className="mx-auto max-w-[1600px] space-y-5 px-6 py-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <nav aria-label="Dashboards" className="flex flex-wrap items-center gap-1 text-sm print:hidden">
            {tabs.map((d) => (
              <Link
                key={d.slug}
                href={`/dashboards/${d.slug}${search}`}
                aria-current={d.slug === dashboard.slug ? "page" : undefined}
                className={`rounded-lg px-2.5 py-1 font-medium ${
                  d.slug === dashboard.slug ? "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "text-slate-500 dark:text-slate-400 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800"
                }`}
              >
                {d.name}
              </Link>
            ))}
            {view.can.manageDashboards && (
              <>
                <Link href={`/dashboards/${dashboard.slug}/edit`} className="rounded-lg px-2.5 py-1 font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  Edit
                </Link>
                <Link href="/dashboards/new" className="rounded-lg px-2.5 py-1 font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  + New
                </Link>
              </>
            )}
          </nav>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">{dashboard.name}</h1>
          <p className="mt-1 text-slate-500 dark:text-slate-400">
            {view.period} · {view.span} · {view.timeZone}
            {scopeLabel && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">{scopeLabel}</span>}
          </p>
        </div>
        <div className="print:hidden">
          <FilterBar filters={view.filters} defaultPreset="today" teams={view.filterOptions.teams} queues={view.filterOptions.queues} channels={view.filterOptions.channels} />
        </div>
        {view.filterSummary && <p className="hidden text-slate-600 print:block" data-testid="print-filters">{view.filterSummary}</p>}
      </div>
      {!view.hasData && <NoDataYet canImport={view.can.importData} canKey={view.can.manageKeys} />}
      <PrintPageSize widgets={dashboard.widgets} />
      <DashboardView
        key={`${dashboard.slug}${search}`}
        slug={dashboard.slug}
        search={search}
        pollSeconds={dashboard.pollSeconds}
        widgets={dashboard.widgets}
        initial={view.snapshot}
      />
    </main>
  );
}

/** A fresh install: say how data gets in, instead of a wall of zeros. */
function NoDataYet({ canImport, canKey }: { canImport: boolean; canKey: boolean }) {
  return (
    <section role="status" className="rounded-2xl border border-indigo-200 bg-indigo-50 p-5 text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100" data-testid="no-data">
      <h2 className="font-semibold">No tickets or calls yet</h2>
      <p className="mt-1 text-sm">
        Connect your help desk or phone system to the ingest API
        {canKey ? (
          <>
            {" "}
            with a key from <Link className="font-medium underline" href="/settings/keys">API keys</Link>
          </>
        ) : null}
        {canImport ? (
          <>
            , or <Link className="font-medium underline" href="/import">import a CSV file</Link>
          </>
        ) : null}
        . Numbers appear here within one refresh.
      </p>
    </section>
  );
}

function NoDashboards({ canCreate }: { canCreate: boolean }) {
  return (
    <main className="mx-auto flex min-h-[50vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-2xl font-semibold">No dashboards yet</h1>
      <p className="text-slate-600 dark:text-slate-300">{canCreate ? "Create one to put your KPIs on screen." : "Ask a manager to create one."}</p>
      {canCreate && (
        <Link href="/dashboards/new" className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">
          Create a dashboard
        </Link>
      )}
    </main>
  );
}
