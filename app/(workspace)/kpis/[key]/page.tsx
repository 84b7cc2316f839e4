import type { Metadata } from "next";
import Link from "next/link";

import { FilterBar } from "@/components/dashboard/filter-bar";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { RefusedPage } from "@/components/drill/refused-page";
import { TrendChart } from "@/components/drill/trend-chart";
import { ExportMenu } from "@/components/ui/export-menu";
import { requirePage } from "@/lib/auth/guards";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { DISTINCT_SKETCH_STANDARD_ERROR } from "@/lib/kpi/sketches/distinct-sketch";
import { SKETCH_RELATIVE_ACCURACY } from "@/lib/kpi/sketches/sketch-buckets";
import type { SearchParams } from "@/lib/views/drill-context";
import { kpiPageView, TREND_BUCKETS } from "@/lib/views/kpi-page";
import { withParam } from "@/lib/views/with-param";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "KPI" };

const integer = new Intl.NumberFormat("en-US");

/** KPI card → this page: the KPI over time against the previous period, and by team. */
export default async function KpiPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> }) {
  const result = await kpiPageView(await requirePage(), (await params).key, await searchParams);
  if (!result.ok) return <RefusedPage refusal={result} />;
  const { key, kpi, current: entry, previous, trend, byTeam, records, noRecords, search, filterOptions: options, requestedBucket } = result.view;

  return (
    <DrillPage
      crumbs={[{ href: `/${search}`, label: "Dashboards" }]}
      title={kpi.name}
      subtitle={
        <>
          <p className="text-slate-700 dark:text-slate-200" data-testid="kpi-plain">{kpi.plain}</p>
          <p className="mt-1 text-sm">{kpi.definition}</p>
        </>
      }
      filters={<FilterBar filters={result.view.filters} defaultPreset="today" teams={options.teams} queues={options.queues} channels={options.channels} keep={requestedBucket ? { bucket: requestedBucket } : {}} />}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <Panel title="This period" testId="kpi-headline">
          <p className="text-4xl font-semibold tabular-nums" data-testid="kpi-page-value">
            {formatKpiValue(entry.value, kpi.unit)}
          </p>
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
            {integer.format(entry.n)} records
            {entry.numerator !== undefined && ` · ${integer.format(entry.numerator)} of ${integer.format(entry.denominator ?? 0)}`}
            {entry.marginOfError != null && entry.n > 0 && ` · ±${entry.marginOfError.toFixed(1)} (95%)`}
          </p>
          {entry.distinct === "approximate" && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid="kpi-distinct-approximate">
              Visitors estimated: within about {(DISTINCT_SKETCH_STANDARD_ERROR * 100).toFixed(1)} % of the exact count.
            </p>
          )}
        </Panel>
        <Panel title="Same span before">
          <p className="text-4xl font-semibold tabular-nums text-slate-600 dark:text-slate-300">{formatKpiValue(previous.value, kpi.unit)}</p>
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">{integer.format(previous.n)} records</p>
        </Panel>
        {kpi.distribution ? (
          <Panel title="Distribution">
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-slate-500 dark:text-slate-400">Median</dt>
              <dd className="font-semibold tabular-nums" data-testid="kpi-median">{formatKpiValue(entry.median ?? null, kpi.unit)}</dd>
              <dt className="text-slate-500 dark:text-slate-400">90th percentile</dt>
              <dd className="font-semibold tabular-nums" data-testid="kpi-p90">{formatKpiValue(entry.p90 ?? null, kpi.unit)}</dd>
            </dl>
            {entry.percentiles === "approximate" && (
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400" data-testid="kpi-percentiles-approximate">
                Approximate: within {SKETCH_RELATIVE_ACCURACY * 100} % of the exact value ({integer.format(entry.n)} records).
              </p>
            )}
          </Panel>
        ) : (
          <Panel title="Direction">
            <p className="text-sm text-slate-600 dark:text-slate-300">{kpi.direction === "higher" ? "Higher is better." : kpi.direction === "lower" ? "Lower is better." : "Neither higher nor lower is better in itself."}</p>
          </Panel>
        )}
      </div>
      {trend && (
        <Panel
          title="Over time"
          aside={
            <div className="flex items-center gap-2">
            <nav aria-label="Bucket" className="flex gap-1 text-sm">
              {TREND_BUCKETS.map((b) => (
                <Link
                  key={b}
                  href={withParam(search, "bucket", b)}
                  aria-current={b === trend.bucket ? "true" : undefined}
                  className={`rounded-lg px-2.5 py-1 font-medium ${b === trend.bucket ? "bg-indigo-600 text-white" : "text-slate-600 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                >
                  {b === "hour" ? "Hourly" : b === "day" ? "Daily" : "Weekly"}
                </Link>
              ))}
            </nav>
            <ExportMenu href={`/api/v1/kpis/${key}/export${withParam(withParam(search, "bucket", trend.bucket), "table", "trend")}`} label={`Export ${kpi.name} over time`} />
            </div>
          }
        >
          <TrendChart bucket={trend.bucket} unit={kpi.unit} buckets={trend.buckets} current={trend.current} previous={trend.previous} now={trend.computedAt} goal={trend.goal} />
        </Panel>
      )}
      {byTeam && (
        <Panel title="By team" testId="kpi-by-team" aside={<ExportMenu href={`/api/v1/kpis/${key}/export${withParam(search, "table", "teams")}`} label={`Export ${kpi.name} by team`} />}>
          {byTeam.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No data for any team in this period.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-500 dark:text-slate-400">
                  <th className="py-2 font-medium">Team</th>
                  <th className="py-2 text-right font-medium">{kpi.name}</th>
                  <th className="py-2 text-right font-medium">Records</th>
                </tr>
              </thead>
              <tbody>
                {byTeam.map((team) => (
                  <tr key={team.key ?? "none"} className="border-b border-slate-100" data-testid="team-row">
                    <td className="py-2">
                      {team.key ? (
                        <Link className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" href={`/teams/${encodeURIComponent(team.key)}${withParam(search, "kpi", key)}`}>
                          {team.label}
                        </Link>
                      ) : (
                        team.label
                      )}
                    </td>
                    <td className="py-2 text-right font-semibold tabular-nums" data-testid="team-value">
                      {formatKpiValue(team.value, kpi.unit)}
                    </td>
                    <td className="py-2 text-right tabular-nums text-slate-500 dark:text-slate-400">{integer.format(team.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      )}
      {records && (
        <p>
          <Link className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" href={`/records/${records}${withParam(search, "kpi", key)}`}>
            See the {records} behind this number →
          </Link>
        </p>
      )}
      {noRecords && (
        <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="kpi-no-records">
          {noRecords}
        </p>
      )}
    </DrillPage>
  );
}
