import type { Metadata } from "next";
import Link from "next/link";

import { AchievementForm } from "@/components/motivation/achievement-form";
import { AwardBadge } from "@/components/motivation/award-badge";
import { CompetitionForm } from "@/components/motivation/competition-form";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { can } from "@/lib/auth/access";
import { requirePage, type UserContext } from "@/lib/auth/guards";
import { scopeOf, visibleSubjects } from "@/lib/auth/scope";
import { KPI_CATALOG, getKpiDefinition, type KpiKey } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { listAchievements, recentAwards } from "@/lib/motivation/achievements";
import { competitionStanding, listCompetitions, scopedStanding, type CompetitionStanding } from "@/lib/motivation/competitions";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { createAchievementAction, createCompetitionAction, deleteAchievementAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Competitions and achievements" };

const PERIOD_WORDS = { day: "in a day", week: "in a week", month: "in a month" } as const;

async function load(ctx: UserContext) {
  const { prisma } = ctx;
  const now = new Date();
  const [org, competitions, achievements, canSee] = await Promise.all([
    getOrgSettings(prisma),
    listCompetitions(prisma),
    listAchievements(prisma),
    visibleSubjects(prisma, scopeOf(ctx.principal)),
  ]);
  const standings: CompetitionStanding[] = [];
  for (const c of competitions.slice(0, 30)) standings.push(scopedStanding(await competitionStanding(prisma, c, org, now), canSee));
  const [agents, teams, awards] = await Promise.all([
    prisma.agent.findMany({ select: { externalId: true, name: true, team: { select: { name: true } } }, orderBy: { name: "asc" } }),
    prisma.team.findMany({ select: { externalId: true, name: true }, orderBy: { name: "asc" } }),
    recentAwards(prisma, canSee, { limit: 15 }),
  ]);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: org.timeZone }).format(now);
  return { org, standings, achievements, agents, teams, awards, today };
}

export default async function CompetitionsPage() {
  const ctx = await requirePage();
  const manage = can(ctx.principal, "dashboards:manage");
  const { org, standings, achievements, agents, teams, awards, today } = await load(ctx);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, day: "numeric", month: "short" });
  const periodKpis = KPI_CATALOG.filter((k) => !("live" in k)).map((k) => ({ value: k.key, label: k.name }));
  const groups = [
    { title: "Running", items: standings.filter((s) => s.status === "running") },
    { title: "Upcoming", items: standings.filter((s) => s.status === "upcoming") },
    { title: "Finished", items: standings.filter((s) => s.status === "ended") },
  ];
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-6 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Competitions and achievements</h1>
        <p className="mt-1 text-slate-500">Friendly contests on a KPI, and milestones awarded the moment someone reaches them. Put them on a dashboard or a wall screen with the Competition and Achievements feed widgets.</p>
      </div>
      {groups.map((group) => (
        <SettingsSection key={group.title} title={group.title} testId={`competitions-${group.title.toLowerCase()}`}>
          {group.items.length === 0 ? (
            <p className="text-sm text-slate-500">None.</p>
          ) : (
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Competition</th>
                  <th className={TH}>KPI</th>
                  <th className={TH}>Days</th>
                  <th className={TH}>{group.title === "Finished" ? "Winner" : "Leading"}</th>
                  <th className={TH}>Prize</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((s) => {
                  const leader = s.rows.find((r) => r.rank === 1);
                  return (
                    <tr key={s.id}>
                      <td className={`${TD} font-medium`}>
                        <Link href={`/competitions/${s.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                          {s.name}
                        </Link>
                      </td>
                      <td className={TD}>{getKpiDefinition(s.kpi).name}</td>
                      <td className={TD}>
                        {day.format(new Date(s.startsAt))} – {day.format(new Date(new Date(s.endsAt).getTime() - 1))}
                      </td>
                      <td className={TD}>{leader ? `${leader.label} (${formatKpiValue(leader.value, s.unit)})` : "—"}</td>
                      <td className={TD}>{s.prize ?? "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </SettingsSection>
      ))}
      {manage && (
        <SettingsSection title="New competition">
          <CompetitionForm
            action={createCompetitionAction}
            kpis={periodKpis}
            agents={agents.map((a) => ({ value: a.externalId, label: a.name, team: a.team?.name ?? "" }))}
            teams={teams.map((t) => ({ value: t.externalId, label: t.name }))}
            today={today}
          />
        </SettingsSection>
      )}
      <SettingsSection title="Achievements" testId="achievements">
        {achievements.length === 0 ? (
          <p className="text-sm text-slate-500">No achievements defined yet.</p>
        ) : (
          <table className={TABLE}>
            <thead>
              <tr>
                <th className={TH}>Achievement</th>
                <th className={TH}>Reached when</th>
                <th className={TH}>Awarded</th>
                {manage && (
                  <th className={TH}>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {achievements.map((a) => {
                const kpi = getKpiDefinition(a.kpiKey as KpiKey);
                const comparison = kpi.direction === "lower" ? "≤" : "≥";
                return (
                  <tr key={a.id}>
                    <td className={`${TD} font-medium`}>{a.name}</td>
                    <td className={TD}>
                      {a.scope === "agent" ? "An agent's" : "A team's"} {kpi.name.toLowerCase()} {comparison} {formatKpiValue(a.threshold, kpi.unit)}{" "}
                      {PERIOD_WORDS[a.period]}
                      {a.minSample > 0 ? ` over at least ${a.minSample}` : ""}
                    </td>
                    <td className={TD}>{a._count.awards}×</td>
                    {manage && (
                      <td className={TD}>
                        <ConfirmButton label="Delete" question={`Delete “${a.name}” and its ${a._count.awards} awards?`} action={deleteAchievementAction.bind(null, a.id)} />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {manage && (
          <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-700">
            <AchievementForm action={createAchievementAction} kpis={periodKpis} />
          </div>
        )}
      </SettingsSection>
      <SettingsSection title="Recently awarded" testId="recent-awards">
        {awards.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing awarded yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {awards.map((a) => (
              <li key={a.id} className="flex justify-between gap-4 py-2">
                <span className="flex items-center gap-2">
                  <AwardBadge />
                  <span>
                    <span className="font-medium">{a.subjectName}</span>: {a.achievement} ({a.formatted})
                  </span>
                </span>
                <time className="text-slate-500" dateTime={a.awardedAt}>
                  {new Intl.DateTimeFormat("en-GB", { timeZone: org.timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(a.awardedAt))}
                </time>
              </li>
            ))}
          </ul>
        )}
      </SettingsSection>
    </main>
  );
}
