import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { InvalidFilters } from "@/components/dashboard/invalid-filters";
import { drillContext, withParam, type SearchParams } from "@/components/drill/drill-context";
import { KpiPicker } from "@/components/drill/kpi-picker";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { TrendChart } from "@/components/drill/trend-chart";
import { AwardBadge } from "@/components/motivation/award-badge";
import { autoBucket } from "@/lib/dashboards/compute-dashboard-data";
import { getKpiDefinition, isKpiKey, KPI_CATALOG, type KpiKey } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_GROUPING } from "@/lib/kpi/kpi-query";
import { previousPeriod, timeBuckets } from "@/lib/kpi/time-windows";
import { awardsOf } from "@/lib/motivation/achievements";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agent" };

const AGENT_KPIS = KPI_CATALOG.filter((k) => !("live" in k) && k.family !== "knowledge_base" && k.key !== "enps" && k.key !== "backlog").map((k) => k.key as KpiKey);
const integer = new Intl.NumberFormat("en-US");

/** Team → an agent: every KPI for them, a trend, and the tickets and calls behind the numbers. */
export default async function AgentPage({ params, searchParams }: { params: Promise<{ agent: string }>; searchParams: Promise<SearchParams> }) {
  const agent = decodeURIComponent((await params).agent);
  const sp = await searchParams;
  const ctx = await drillContext(sp, [agent]);
  if (ctx.invalid) return <InvalidFilters parameter={ctx.invalid.parameter} message={ctx.invalid.message} />;
  const row = await ctx.prisma.agent.findUnique({ where: { externalId: agent }, select: { name: true, email: true, team: { select: { externalId: true, name: true } } } });
  if (!row) notFound();
  const kpi: KpiKey = typeof sp.kpi === "string" && isKpiKey(sp.kpi) && AGENT_KPIS.includes(sp.kpi) ? sp.kpi : "tickets_solved";
  const definition = getKpiDefinition(kpi);
  const bucket = autoBucket(ctx.window);
  const before = previousPeriod(ctx.window, ctx.org.timeZone);
  const base = { timeZone: ctx.org.timeZone, filters: ctx.scoped, now: ctx.now, serviceLevelSeconds: ctx.org.serviceLevelSeconds };
  const [all, trend, trendBefore, awards] = await Promise.all([
    getKpiSnapshot(ctx.prisma, AGENT_KPIS, { ...base, ...ctx.window, grouping: NO_GROUPING }),
    getKpiSnapshot(ctx.prisma, [kpi], { ...base, ...ctx.window, grouping: { by: "time", buckets: timeBuckets(ctx.window, bucket, ctx.org.timeZone) } }),
    getKpiSnapshot(ctx.prisma, [kpi], { ...base, ...before, grouping: { by: "time", buckets: timeBuckets(before, bucket, ctx.org.timeZone) } }),
    awardsOf(ctx.prisma, "agent", agent),
  ]);
  const awardDate = new Intl.DateTimeFormat("en-GB", { timeZone: ctx.org.timeZone, dateStyle: "medium" });
  const agentSearch = withParam(ctx.search, "agent", agent);
  const groups = trend.get(kpi)!.groups ?? [];

  return (
    <DrillPage
      crumbs={[
        { href: `/${ctx.search}`, label: "Dashboards" },
        ...(row.team ? [{ href: `/teams/${encodeURIComponent(row.team.externalId)}${withParam(ctx.search, "kpi", kpi)}`, label: row.team.name }] : []),
      ]}
      title={row.name}
      subtitle={`${row.team?.name ?? "No team"}${ctx.filters.team.length ? ` · numbers within ${ctx.filters.team.join(", ")}` : ""}`}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6" data-testid="agent-kpis">
        {AGENT_KPIS.map((key) => {
          const entry = all.get(key)!;
          const def = getKpiDefinition(key);
          return (
            <Link
              key={key}
              href={withParam(ctx.search, "kpi", key)}
              className={`rounded-2xl border bg-white p-4 shadow-sm hover:border-indigo-300 dark:bg-slate-900 ${key === kpi ? "border-indigo-500 ring-2 ring-indigo-500/20" : "border-slate-200 dark:border-slate-700"}`}
              data-testid={`agent-kpi-${key}`}
            >
              <p className="truncate text-xs font-medium text-slate-500">{def.name}</p>
              <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`agent-kpi-${key}-value`}>
                {formatKpiValue(entry.value, def.unit)}
              </p>
              <p className="text-xs text-slate-400">{integer.format(entry.n)} records</p>
            </Link>
          );
        })}
      </div>
      <Panel title={`${definition.name} over time`}>
        <div className="mb-3">
          <KpiPicker current={kpi} search={ctx.search} />
        </div>
        <TrendChart bucket={bucket} unit={definition.unit} buckets={groups.map((g) => g.key ?? "")} current={groups.map((g) => g.value)} previous={(trendBefore.get(kpi)!.groups ?? []).map((g) => g.value)} />
      </Panel>
      <Panel title="Achievements">
        {awards.length === 0 ? (
          <p className="text-sm text-slate-500">No achievements yet.</p>
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
        <Link className="text-indigo-700 hover:underline" href={`/records/tickets${withParam(agentSearch, "kpi", kpi)}`} data-testid="agent-tickets-link">
          Tickets behind {definition.family === "tickets" ? definition.name.toLowerCase() : "these numbers"} →
        </Link>
        <Link className="text-indigo-700 hover:underline" href={`/records/calls${agentSearch}`}>
          Calls →
        </Link>
      </div>
    </DrillPage>
  );
}
