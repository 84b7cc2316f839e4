import type { Metadata } from "next";
import Link from "next/link";

import { AchievementForm } from "@/components/motivation/achievement-form";
import { AwardBadge } from "@/components/motivation/award-badge";
import { CompetitionForm } from "@/components/motivation/competition-form";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { competitionsPage } from "@/lib/views/competitions-page";

import { createAchievementAction, createCompetitionAction, deleteAchievementAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Competitions and achievements" };

export default async function CompetitionsPage() {
  const { timeZone, canManage: manage, groups, achievements, awards, form } = await competitionsPage(await requirePage());
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" });
  const stamp = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-6 py-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Competitions and achievements</h1>
        <p className="mt-1 text-slate-500 dark:text-slate-400">Friendly contests on a KPI, and milestones awarded the moment someone reaches them. Put them on a dashboard or a wall screen with the Competition and Achievements feed widgets.</p>
      </div>
      {groups.map((group) => (
        <SettingsSection key={group.title} title={group.title} testId={`competitions-${group.title.toLowerCase()}`}>
          {group.items.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>
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
                {group.items.map((s) => (
                  <tr key={s.id}>
                    <td className={`${TD} font-medium`}>
                      <Link href={`/competitions/${s.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                        {s.name}
                      </Link>
                    </td>
                    <td className={TD}>{s.kpi}</td>
                    <td className={TD}>
                      {day.format(new Date(s.startsAt))} – {day.format(new Date(new Date(s.endsAt).getTime() - 1))}
                    </td>
                    <td className={TD}>{s.leader ?? "—"}</td>
                    <td className={TD}>{s.prize ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </SettingsSection>
      ))}
      {manage && (
        <SettingsSection title="New competition">
          <CompetitionForm action={createCompetitionAction} kpis={form.kpis} agents={form.agents} teams={form.teams} today={form.today} />
        </SettingsSection>
      )}
      <SettingsSection title="Achievements" testId="achievements">
        {achievements.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No achievements defined yet.</p>
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
              {achievements.map((a) => (
                <tr key={a.id}>
                  <td className={`${TD} font-medium`}>{a.name}</td>
                  <td className={TD}>{a.condition}</td>
                  <td className={TD}>{a.awards}×</td>
                  {manage && (
                    <td className={TD}>
                      <ConfirmButton label="Delete" question={`Delete “${a.name}” and its ${a.awards} awards?`} action={deleteAchievementAction.bind(null, a.id)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {manage && (
          <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-700">
            <AchievementForm action={createAchievementAction} kpis={form.kpis} />
          </div>
        )}
      </SettingsSection>
      <SettingsSection title="Recently awarded" testId="recent-awards">
        {awards.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Nothing awarded yet.</p>
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
                <time className="text-slate-500 dark:text-slate-400" dateTime={a.awardedAt}>
                  {stamp.format(new Date(a.awardedAt))}
                </time>
              </li>
            ))}
          </ul>
        )}
      </SettingsSection>
    </main>
  );
}
