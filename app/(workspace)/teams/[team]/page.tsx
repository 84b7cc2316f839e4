import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { InvalidFilters } from "@/components/dashboard/invalid-filters";
import { drillContext, withParam, type SearchParams } from "@/components/drill/drill-context";
import { KpiPicker } from "@/components/drill/kpi-picker";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { needsMinimumSample, rankLeaderboard } from "@/lib/dashboards/leaderboard-ranking";
import { getKpiDefinition, isKpiKey, type KpiKey } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_GROUPING } from "@/lib/kpi/kpi-query";
import { comparisonWindow } from "@/lib/kpi/time-windows";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team" };

const HEADLINE: KpiKey[] = ["ticket_volume", "tickets_solved", "first_response_time", "csat"];
const integer = new Intl.NumberFormat("en-US");

/** KPI page → a team: its agents ranked on the KPI, with their movement since the previous period. */
export default async function TeamPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const team = decodeURIComponent((await params).team);
  const sp = await searchParams;
  const ctx = await drillContext({ ...sp, team });
  if (ctx.invalid) return <InvalidFilters parameter={ctx.invalid.parameter} message={ctx.invalid.message} />;
  const row = await ctx.prisma.team.findUnique({ where: { externalId: team }, select: { name: true } });
  if (!row) notFound();
  const kpi: KpiKey = typeof sp.kpi === "string" && isKpiKey(sp.kpi) && !getKpiDefinition(sp.kpi).live ? sp.kpi : "tickets_solved";
  const definition = getKpiDefinition(kpi);
  const base = { timeZone: ctx.org.timeZone, filters: ctx.scoped, now: ctx.now, serviceLevelSeconds: ctx.org.serviceLevelSeconds };
  const [headline, agents, before] = await Promise.all([
    getKpiSnapshot(ctx.prisma, [...new Set([...HEADLINE, kpi])], { ...base, ...ctx.window, grouping: NO_GROUPING }),
    getKpiSnapshot(ctx.prisma, [kpi], { ...base, ...ctx.window, grouping: { by: "agent" } }),
    getKpiSnapshot(ctx.prisma, [kpi], { ...base, ...comparisonWindow(ctx.window, ctx.now, ctx.org.timeZone), grouping: { by: "agent" } }),
  ]);
  const ranking = rankLeaderboard(kpi, agents.get(kpi)!.groups ?? [], before.get(kpi)!.groups ?? [], ctx.org.minSampleSize);
  // The team's own filters travel on: an agent's numbers on the next page are those within this team.
  const teamSearch = withParam(ctx.search, "team", team);

  return (
    <DrillPage
      crumbs={[
        { href: `/${ctx.search}`, label: "Dashboards" },
        { href: `/kpis/${kpi}${ctx.search}`, label: definition.name },
      ]}
      title={row.name}
      subtitle={`Agents ranked on ${definition.name.toLowerCase()}, ${definition.direction === "lower" ? "lowest" : "highest"} first.`}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {HEADLINE.map((key) => (
          <Panel key={key} title={getKpiDefinition(key).name}>
            <p className="text-3xl font-semibold tabular-nums" data-testid={`team-${key}`}>
              {formatKpiValue(headline.get(key)!.value, getKpiDefinition(key).unit)}
            </p>
          </Panel>
        ))}
      </div>
      <Panel title={`Agents by ${definition.name.toLowerCase()}`} testId="team-agents" aside={<span className="text-sm text-slate-500">Team total: {formatKpiValue(headline.get(kpi)!.value, definition.unit)}</span>}>
        <div className="mb-4">
          <KpiPicker current={kpi} search={withParam(ctx.search, "team", team)} />
        </div>
        {ranking.length === 0 ? (
          <p className="text-sm text-slate-500">No agent has data for this KPI in this period.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th className="w-12 py-2 font-medium">Rank</th>
                <th className="w-16 py-2 font-medium">Move</th>
                <th className="py-2 font-medium">Agent</th>
                <th className="py-2 text-right font-medium">{definition.name}</th>
                <th className="py-2 text-right font-medium">Records</th>
              </tr>
            </thead>
            <tbody>
              {ranking.map((agent) => (
                <tr key={agent.key} className="border-b border-slate-100" data-testid="agent-row">
                  <td className="py-2 font-semibold tabular-nums text-slate-500">{agent.rank ?? "–"}</td>
                  <td className="py-2 text-xs">
                    {agent.rank === null || agent.previousRank === null ? "" : agent.previousRank > agent.rank ? `▲${agent.previousRank - agent.rank}` : agent.previousRank < agent.rank ? `▼${agent.rank - agent.previousRank}` : "–"}
                  </td>
                  <td className="py-2">
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/agents/${encodeURIComponent(agent.key)}${withParam(teamSearch, "kpi", kpi)}`}>
                      {agent.label}
                    </Link>
                  </td>
                  <td className="py-2 text-right font-semibold tabular-nums" data-testid="agent-value">
                    {agent.rank === null && needsMinimumSample(kpi) && agent.n < ctx.org.minSampleSize ? (
                      <span className="font-normal text-slate-500">Not enough data</span>
                    ) : (
                      formatKpiValue(agent.value, definition.unit)
                    )}
                  </td>
                  <td className="py-2 text-right tabular-nums text-slate-500">{integer.format(agent.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </DrillPage>
  );
}
