import type { Metadata } from "next";
import Link from "next/link";

import { FilterBar } from "@/components/dashboard/filter-bar";
import { KpiPicker } from "@/components/drill/kpi-picker";
import { TargetStandingBadge } from "@/components/dashboard/target-standing-badge";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { RefusedPage } from "@/components/drill/refused-page";
import { TrendChart } from "@/components/drill/trend-chart";
import { AwardBadge } from "@/components/motivation/award-badge";
import { requirePage } from "@/lib/auth/guards";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { agentPageView } from "@/lib/views/agent-page";
import type { SearchParams } from "@/lib/views/drill-context";
import { withParam } from "@/lib/views/with-param";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agent" };

const integer = new Intl.NumberFormat("en-US");

/** Team → an agent: every KPI for them, a trend, and the tickets and calls behind the numbers. */
export default async function AgentPage({ params, searchParams }: { params: Promise<{ agent: string }>; searchParams: Promise<SearchParams> }) {
  const result = await agentPageView(await requirePage(), (await params).agent, await searchParams);
  if (!result.ok) return <RefusedPage refusal={result} />;
  const { agent: row, key: kpi, kpi: definition, search, agentSearch, cards, trend, awards, withinTeams, ticketsBehindKpi, filters, filterOptions: options } = result.view;
  const awardDate = new Intl.DateTimeFormat("en-GB", { timeZone: result.view.timeZone, dateStyle: "medium" });

  return (
    <DrillPage
      crumbs={[
        { href: `/${search}`, label: "Dashboards" },
        ...(row.team ? [{ href: `/teams/${encodeURIComponent(row.team.externalId)}${withParam(search, "kpi", kpi)}`, label: row.team.name }] : []),
      ]}
      title={row.name}
      subtitle={`${row.team?.name ?? "No team"}${withinTeams.length ? ` · numbers within ${withinTeams.join(", ")}` : ""}`}
      filters={<FilterBar filters={filters} defaultPreset="today" teams={options.teams} queues={options.queues} channels={options.channels} keep={{ kpi }} />}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6" data-testid="agent-kpis">
        {cards.map(({ key, kpi: def, entry, standing }) => (
          <Link
            key={key}
            href={withParam(search, "kpi", key)}
            className={`rounded-2xl border bg-white p-4 shadow-sm hover:border-indigo-300 dark:bg-slate-900 ${key === kpi ? "border-indigo-500 ring-2 ring-indigo-500/20" : "border-slate-200 dark:border-slate-700"}`}
            data-testid={`agent-kpi-${key}`}
          >
            <p className="truncate text-xs font-medium text-slate-500 dark:text-slate-400">{def.name}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`agent-kpi-${key}-value`}>
              {formatKpiValue(entry.value, def.unit)}
            </p>
            <p className="text-xs text-slate-500 dark:text-slate-400">{integer.format(entry.n)} records</p>
            {standing && (
              <p className="mt-1">
                <TargetStandingBadge kpi={key} standing={standing} />
              </p>
            )}
          </Link>
        ))}
      </div>
      <Panel title={`${definition.name} over time`}>
        <div className="mb-3">
          <KpiPicker current={kpi} search={search} />
        </div>
        <TrendChart bucket={trend.bucket} unit={definition.unit} buckets={trend.buckets} current={trend.current} previous={trend.previous} now={trend.computedAt} goal={trend.goal} />
      </Panel>
      <Panel title="Achievements">
        {awards.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No achievements yet.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" data-testid="agent-achievements">
            {awards.map((a) => (
              <li key={a.id} className="flex items-center gap-1.5 rounded-full border border-amber-200 bg-amber-50 px-3 py-1 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                <AwardBadge className="h-4 w-4" /> {a.achievement} · {a.formatted} · {awardDate.format(new Date(a.awardedAt))}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <div className="flex flex-wrap gap-4 text-sm font-medium">
        <Link className="text-indigo-700 hover:underline max-sm:py-1 dark:text-indigo-300" href={`/records/tickets${withParam(agentSearch, "kpi", kpi)}`} data-testid="agent-tickets-link">
          Tickets behind {ticketsBehindKpi ? definition.name.toLowerCase() : "these numbers"} →
        </Link>
        <Link className="text-indigo-700 hover:underline max-sm:py-1 dark:text-indigo-300" href={`/records/calls${agentSearch}`}>
          Calls →
        </Link>
      </div>
    </DrillPage>
  );
}
