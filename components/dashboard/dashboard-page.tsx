import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { can } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guards";
import { kpiScopeOf } from "@/lib/auth/kpi-scope";
import { filtersToSearch, filtersWindow, parseDashboardFilters, PRESET_LABELS } from "@/lib/dashboards/dashboard-filters";
import { filterOptions } from "@/lib/dashboards/filter-options";
import { getDashboard, getDefaultDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { DashboardView } from "./dashboard-view";
import { FilterBar } from "./filter-bar";
import { InvalidFilters } from "./invalid-filters";

/** A dashboard as a page: server-rendered numbers first, then live polling in the browser. */
export async function DashboardPage({ slug, searchParams }: { slug?: string; searchParams: Record<string, string | string[] | undefined> }) {
  const { prisma, principal, user } = await requirePage();
  const dashboard = slug ? await getDashboard(prisma, slug) : await getDefaultDashboard(prisma);
  if (!dashboard) {
    if (slug) notFound();
    return <NoDashboards canCreate={can(principal, "dashboards:manage")} />;
  }
  const parsed = parseDashboardFilters(searchParams);
  if (!parsed.ok) return <InvalidFilters parameter={parsed.parameter} message={parsed.message} />;
  const scope = kpiScopeOf(principal);
  const [result, options, dashboards, org, anyTicket, anyCall] = await Promise.all([
    loadDashboardSnapshot(prisma, dashboard, parsed.filters, scope),
    filterOptions(prisma, scope),
    prisma.dashboard.findMany({ select: { slug: true, name: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
    getOrgSettings(prisma),
    prisma.ticket.findFirst({ select: { id: true } }),
    prisma.call.findFirst({ select: { id: true } }),
  ]);
  // Another team's numbers are a 403, never an empty dashboard that would confirm the team exists.
  if (!result.ok) forbidden();

  const search = filtersToSearch(parsed.filters);
  const window = filtersWindow(parsed.filters, new Date(), org.timeZone);
  const last = new Date(window.to.getTime() - 1);
  const date = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, weekday: "short", day: "numeric", month: "short" });
  const period = parsed.filters.range ? "Custom range" : PRESET_LABELS[parsed.filters.preset ?? "today"];
  const span = window.to.getTime() - window.from.getTime() <= 86_400_000 * 1.05 ? date.format(window.from) : `${date.format(window.from)} – ${date.format(last)}`;
  const scopeLabel =
    scope.kind === "teams" ? `Your teams: ${user.teams.map((t) => t.name).join(", ")}` : scope.kind === "agent" ? `Your numbers: ${user.agent?.name}` : null;

  return (
    <main className="mx-auto max-w-[1600px] space-y-5 px-6 py-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <nav aria-label="Dashboards" className="flex flex-wrap items-center gap-1 text-sm">
            {dashboards.map((d) => (
              <Link
                key={d.slug}
                href={`/dashboards/${d.slug}${search}`}
                aria-current={d.slug === dashboard.slug ? "page" : undefined}
                className={`rounded-lg px-2.5 py-1 font-medium ${
                  d.slug === dashboard.slug ? "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800"
                }`}
              >
                {d.name}
              </Link>
            ))}
            {can(principal, "dashboards:manage") && (
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
            {period} · {span} · {org.timeZone}
            {scopeLabel && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">{scopeLabel}</span>}
          </p>
        </div>
        <FilterBar filters={parsed.filters} defaultPreset="today" teams={options.teams} queues={options.queues} channels={options.channels} />
      </div>
      {!anyTicket && !anyCall && <NoDataYet canImport={can(principal, "data:import")} canKey={can(principal, "keys:manage")} />}
      <DashboardView
        key={`${dashboard.slug}${search}`}
        slug={dashboard.slug}
        search={search}
        pollSeconds={dashboard.pollSeconds}
        widgets={dashboard.widgets}
        initial={result.snapshot}
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
      <p className="text-slate-600">{canCreate ? "Create one to put your KPIs on screen." : "Ask a manager to create one."}</p>
      {canCreate && (
        <Link href="/dashboards/new" className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">
          Create a dashboard
        </Link>
      )}
    </main>
  );
}
