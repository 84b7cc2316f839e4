import type { Metadata } from "next";
import Link from "next/link";

import { FilterBar } from "@/components/dashboard/filter-bar";
import { TargetStandingBadge } from "@/components/dashboard/target-standing-badge";
import { KpiPicker } from "@/components/drill/kpi-picker";
import { DrillPage, Panel } from "@/components/drill/page-frame";
import { RefusedPage } from "@/components/drill/refused-page";
import { requirePage } from "@/lib/auth/guards";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { tooFewLabel } from "@/lib/targets/target-standing";
import type { SearchParams } from "@/lib/views/drill-context";
import { teamPageView } from "@/lib/views/team-page";
import { withParam } from "@/lib/views/with-param";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team" };

const integer = new Intl.NumberFormat("en-US");

/** KPI page → a team: its agents ranked on the KPI, with their movement since the previous period. */
export default async function TeamPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const result = await teamPageView(await requirePage(), (await params).team, await searchParams);
  if (!result.ok) return <RefusedPage refusal={result} />;
  const { team, key: kpi, kpi: definition, search, teamSearch, headline, total, agents: ranking, filters, filterOptions: options } = result.view;

  return (
    <DrillPage
      crumbs={[
        { href: `/${search}`, label: "Dashboards" },
        { href: `/kpis/${kpi}${search}`, label: definition.name },
      ]}
      title={team.name}
      subtitle={`Agents ranked on ${definition.name.toLowerCase()}, ${definition.direction === "lower" ? "lowest" : "highest"} first.`}
      // The page is the team: the bar offers period, channel and queue, not another team.
      filters={<FilterBar filters={{ ...filters, team: [] }} defaultPreset="today" teams={null} queues={options.queues} channels={options.channels} keep={{ kpi }} />}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {headline.map(({ key, kpi: card, entry, standing }) => (
          <Panel key={key} title={card.name}>
            <p className="text-3xl font-semibold tabular-nums" data-testid={`team-${key}`}>
              {formatKpiValue(entry.value, card.unit)}
            </p>
            {standing && (
              <p className="mt-1">
                <TargetStandingBadge kpi={key} standing={standing} />
              </p>
            )}
          </Panel>
        ))}
      </div>
      <Panel title={`Agents by ${definition.name.toLowerCase()}`} testId="team-agents" aside={<span className="text-sm text-slate-500 dark:text-slate-400">Team total: {formatKpiValue(total.value, definition.unit)}</span>}>
        <div className="mb-4">
          <KpiPicker current={kpi} search={teamSearch} />
        </div>
        {ranking.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No agent has data for this KPI in this period.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500 dark:text-slate-400">
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
                  <td className="py-2 font-semibold tabular-nums text-slate-500 dark:text-slate-400">{agent.rank ?? "–"}</td>
                  <td className="py-2 text-xs">
                    {agent.rank === null || agent.previousRank === null ? "" : agent.previousRank > agent.rank ? `▲${agent.previousRank - agent.rank}` : agent.previousRank < agent.rank ? `▼${agent.rank - agent.previousRank}` : "–"}
                  </td>
                  <td className="py-2">
                    <Link className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" href={`/agents/${encodeURIComponent(agent.key)}${withParam(teamSearch, "kpi", kpi)}`}>
                      {agent.label}
                    </Link>
                  </td>
                  <td className="py-2 text-right font-semibold tabular-nums" data-testid="agent-value">
                    {agent.notEnoughData ? (
                      <span className="font-normal text-slate-500 dark:text-slate-400">{tooFewLabel(kpi, agent.n)}</span>
                    ) : (
                      formatKpiValue(agent.value, definition.unit)
                    )}
                  </td>
                  <td className="py-2 text-right tabular-nums text-slate-500 dark:text-slate-400">{integer.format(agent.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </DrillPage>
  );
}
