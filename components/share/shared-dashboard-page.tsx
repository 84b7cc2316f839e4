import { FilterBar } from "@/components/dashboard/filter-bar";
import { QueryProvider } from "@/lib/client/query-provider";
import type { SharePageView } from "@/lib/views/share-page";

import { SharedDashboard } from "./shared-dashboard";

/** A dashboard opened by a view-only link: the desk's look, without navigation, editing or links into the workspace. */
export function SharedDashboardPage({ token, view }: { token: string; view: Extract<SharePageView, { kind: "dashboard" }> }) {
  const { dashboard, filterOptions } = view;
  const heading = (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <p className="flex items-center gap-2 text-sm font-medium text-slate-500 dark:text-slate-400">
          <span aria-hidden className="grid h-6 w-6 place-items-center rounded-lg bg-indigo-600 text-xs font-bold text-white">
            D
          </span>
          Deskpulse · view only
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{dashboard.name}</h1>
        <p className="mt-1 text-slate-500 dark:text-slate-400">
          {view.period} · {view.span} · {view.timeZone}
          {view.lockedLabels.map((label) => (
            <span
              key={label}
              className="ml-2 inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200"
              data-testid="share-locked"
              title="Locked by the link"
            >
              <LockIcon />
              <span className="sr-only">Locked: </span>
              {label}
            </span>
          ))}
        </p>
      </div>
      <FilterBar
        filters={view.chosen}
        defaultPreset="today"
        teams={filterOptions.teams}
        queues={filterOptions.queues}
        channels={filterOptions.channels}
        locked={view.locked}
      />
    </div>
  );
  return (
    <QueryProvider>
      <SharedDashboard
        key={view.search}
        token={token}
        search={view.search}
        pollSeconds={dashboard.pollSeconds}
        widgets={dashboard.widgets}
        initial={view.snapshot}
        heading={heading}
      />
    </QueryProvider>
  );
}

/** Drawn rather than an emoji: kiosk and Linux browsers often have no emoji font. */
function LockIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3 fill-current">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z" />
    </svg>
  );
}
