import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { FilterBar } from "@/components/dashboard/filter-bar";
import { InvalidFilters } from "@/components/dashboard/invalid-filters";
import { drillContext, withParam, type SearchParams } from "@/components/drill/drill-context";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { TrendChart } from "@/components/drill/trend-chart";
import { autoBucket } from "@/lib/dashboards/compute-dashboard-data";
import { filterOptions } from "@/lib/dashboards/filter-options";
import { getKpiDefinition, isKpiKey } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_GROUPING } from "@/lib/kpi/kpi-query";
import { comparisonWindow, previousPeriod, timeBuckets } from "@/lib/kpi/time-windows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "KPI" };

const BUCKETS = ["hour", "day", "week"] as const;
const integer = new Intl.NumberFormat("en-US");

/** KPI card → this page: the KPI over time against the previous period, and by team. */
export default async function KpiPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> }) {
  const { key } = await params;
  if (!isKpiKey(key)) notFound();
  const sp = await searchParams;
  const ctx = await drillContext(sp);
  if (ctx.invalid) return <InvalidFilters parameter={ctx.invalid.parameter} message={ctx.invalid.message} />;
  const kpi = getKpiDefinition(key);
  const requested = BUCKETS.find((b) => b === sp.bucket);
  const days = (ctx.window.to.getTime() - ctx.window.from.getTime()) / 86_400_000;
  const bucket = requested === "hour" && days > 31 ? "day" : (requested ?? autoBucket(ctx.window));
  // The exact median and p90 (read from raw rows) only where they are shown: this period's headline.
  const base = { timeZone: ctx.org.timeZone, filters: ctx.scoped, now: ctx.now, serviceLevelSeconds: ctx.org.serviceLevelSeconds, percentiles: false };
  const before = previousPeriod(ctx.window, ctx.org.timeZone);
  const showTeams = ctx.scope.kind === "all" || ctx.scope.kind === "teams";
  const [current, sameSpanBefore, previousSeries, byTeam, options] = await Promise.all([
    getKpiSnapshot(ctx.prisma, [key], {
      ...base, ...ctx.window, percentiles: true,
      grouping: kpi.live ? NO_GROUPING : { by: "time", buckets: timeBuckets(ctx.window, bucket, ctx.org.timeZone) },
    }),
    getKpiSnapshot(ctx.prisma, [key], { ...base, ...comparisonWindow(ctx.window, ctx.now, ctx.org.timeZone), grouping: NO_GROUPING }),
    kpi.live ? null : getKpiSnapshot(ctx.prisma, [key], { ...base, ...before, grouping: { by: "time", buckets: timeBuckets(before, bucket, ctx.org.timeZone) } }),
    showTeams ? getKpiSnapshot(ctx.prisma, [key], { ...base, ...ctx.window, grouping: { by: "team" } }) : null,
    filterOptions(ctx.prisma, ctx.scope),
  ]);
  const entry = current.get(key)!;
  const previous = sameSpanBefore.get(key)!;
  const records = kpi.family === "tickets" ? "tickets" : kpi.family === "calls" ? "calls" : null;
  const teams = byTeam?.get(key)?.groups ?? [];

  return (
    <DrillPage
      crumbs={[{ href: `/${ctx.search}`, label: "Dashboards" }]}
      title={kpi.name}
      subtitle={kpi.definition}
      filters={<FilterBar filters={ctx.filters} defaultPreset="today" teams={options.teams} queues={options.queues} channels={options.channels} keep={requested ? { bucket: requested } : {}} />}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <Panel title="This period" testId="kpi-headline">
          <p className="text-4xl font-semibold tabular-nums" data-testid="kpi-page-value">
            {formatKpiValue(entry.value, kpi.unit)}
          </p>
          <p className="mt-2 text-sm text-slate-500">
            {integer.format(entry.n)} records
            {entry.numerator !== undefined && ` · ${integer.format(entry.numerator)} of ${integer.format(entry.denominator ?? 0)}`}
            {entry.marginOfError != null && entry.n > 0 && ` · ±${entry.marginOfError.toFixed(1)} (95%)`}
          </p>
        </Panel>
        <Panel title="Same span before">
          <p className="text-4xl font-semibold tabular-nums text-slate-600">{formatKpiValue(previous.value, kpi.unit)}</p>
          <p className="mt-2 text-sm text-slate-500">{integer.format(previous.n)} records</p>
        </Panel>
        {kpi.distribution ? (
          <Panel title="Distribution">
            <dl className="grid grid-cols-2 gap-y-2 text-sm">
              <dt className="text-slate-500">Median</dt>
              <dd className="font-semibold tabular-nums" data-testid="kpi-median">{formatKpiValue(entry.median ?? null, kpi.unit)}</dd>
              <dt className="text-slate-500">90th percentile</dt>
              <dd className="font-semibold tabular-nums" data-testid="kpi-p90">{formatKpiValue(entry.p90 ?? null, kpi.unit)}</dd>
            </dl>
          </Panel>
        ) : (
          <Panel title="Direction">
            <p className="text-sm text-slate-600">{kpi.direction === "higher" ? "Higher is better." : kpi.direction === "lower" ? "Lower is better." : "Neither higher nor lower is better in itself."}</p>
          </Panel>
        )}
      </div>
      {!kpi.live && (
        <Panel
          title="Over time"
          aside={
            <nav aria-label="Bucket" className="flex gap-1 text-sm">
              {BUCKETS.map((b) => (
                <Link
                  key={b}
                  href={withParam(ctx.search, "bucket", b)}
                  aria-current={b === bucket ? "true" : undefined}
                  className={`rounded-lg px-2.5 py-1 font-medium ${b === bucket ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
                >
                  {b === "hour" ? "Hourly" : b === "day" ? "Daily" : "Weekly"}
                </Link>
              ))}
            </nav>
          }
        >
          <TrendChart
            bucket={bucket}
            unit={kpi.unit}
            buckets={(entry.groups ?? []).map((g) => g.key ?? "")}
            current={(entry.groups ?? []).map((g) => g.value)}
            previous={(previousSeries?.get(key)?.groups ?? []).map((g) => g.value)}
          />
        </Panel>
      )}
      {showTeams && (
        <Panel title="By team" testId="kpi-by-team">
          {teams.length === 0 ? (
            <p className="text-sm text-slate-500">No data for any team in this period.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-slate-500">
                  <th className="py-2 font-medium">Team</th>
                  <th className="py-2 text-right font-medium">{kpi.name}</th>
                  <th className="py-2 text-right font-medium">Records</th>
                </tr>
              </thead>
              <tbody>
                {teams.map((team) => (
                  <tr key={team.key ?? "none"} className="border-b border-slate-100" data-testid="team-row">
                    <td className="py-2">
                      {team.key ? (
                        <Link className="font-medium text-indigo-700 hover:underline" href={`/teams/${encodeURIComponent(team.key)}${withParam(ctx.search, "kpi", key)}`}>
                          {team.label}
                        </Link>
                      ) : (
                        team.label
                      )}
                    </td>
                    <td className="py-2 text-right font-semibold tabular-nums" data-testid="team-value">
                      {formatKpiValue(team.value, kpi.unit)}
                    </td>
                    <td className="py-2 text-right tabular-nums text-slate-500">{integer.format(team.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      )}
      {records && (
        <p>
          <Link className="font-medium text-indigo-700 hover:underline" href={`/records/${records}${withParam(ctx.search, "kpi", key)}`}>
            See the {records} behind this number →
          </Link>
        </p>
      )}
    </DrillPage>
  );
}
