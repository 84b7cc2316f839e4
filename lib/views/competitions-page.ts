import "server-only";

import { can } from "@/lib/auth/access";
import type { UserContext } from "@/lib/auth/guards";
import { scopeOf, visibleSubjects } from "@/lib/auth/scope";
import { listAgents, listTeams } from "@/lib/directory/directory";
import { KPI_CATALOG } from "@/lib/kpi/catalog";
import { loadKpiDirectory, type AnyKpiKey } from "@/lib/kpi/kpi-directory";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { listAchievements, recentAwards, type AwardView } from "@/lib/motivation/achievements";
import { competitionStanding, listCompetitions, scopedStanding, type CompetitionStanding } from "@/lib/motivation/competitions";
import { getOrgSettings } from "@/lib/org/get-org-settings";

interface Option {
  value: string;
  label: string;
}

/** The page lists the latest-ending competitions only: each standing is a KPI computation. */
const MAX_COMPETITIONS = 30;
const MAX_AWARDS = 15;
const PERIOD_WORDS = { day: "in a day", week: "in a week", month: "in a month" } as const;

export interface CompetitionsPage {
  timeZone: string;
  /** Whether the viewer may create and delete competitions and achievements. */
  canManage: boolean;
  groups: { title: "Running" | "Upcoming" | "Finished"; items: CompetitionSummary[] }[];
  achievements: { id: number; name: string; condition: string; awards: number }[];
  awards: AwardView[];
  /**
   * What the forms offer: KPIs measured over a period (not live states), and who can take part.
   * `kpis` for competitions and achievements alike, custom ones included.
   */
  form: { kpis: (Option & { duration?: boolean })[]; agents: (Option & { team: string })[]; teams: Option[]; today: string };
}

export interface CompetitionSummary {
  id: number;
  name: string;
  kpi: string;
  startsAt: string;
  endsAt: string;
  /** The leader (the winner once finished) with their value, as the viewer may see them. */
  leader: string | null;
  prize: string | null;
}

export async function competitionsPage(ctx: UserContext): Promise<CompetitionsPage> {
  const { prisma } = ctx;
  const now = new Date();
  const [org, competitions, achievements, canSee, agents, teams, directory] = await Promise.all([
    getOrgSettings(prisma),
    listCompetitions(prisma),
    listAchievements(prisma),
    visibleSubjects(prisma, scopeOf(ctx.principal)),
    listAgents(prisma),
    listTeams(prisma),
    loadKpiDirectory(prisma),
  ]);
  const standings: CompetitionStanding[] = [];
  for (const c of competitions.slice(0, MAX_COMPETITIONS)) standings.push(scopedStanding(await competitionStanding(prisma, c, org, now), canSee));
  const awards = await recentAwards(prisma, canSee, { limit: MAX_AWARDS });
  const summary = (s: CompetitionStanding): CompetitionSummary => {
    const leader = s.rows.find((r) => r.rank === 1);
    return {
      id: s.id,
      name: s.name,
      kpi: s.fact.name,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      leader: leader ? `${leader.label} (${formatKpiValue(leader.value, s.unit)})` : null,
      prize: s.prize,
    };
  };
  // Competitions and achievements alike: any KPI of the directory measured over a period.
  const periodKpis = [
    ...KPI_CATALOG.filter((k) => !("live" in k)).map((k) => ({ value: k.key, label: k.name })),
    ...directory.custom().filter((k) => !k.archived && !k.live).map((k) => ({ value: k.key, label: `${k.name} (custom)`, duration: k.unit === "seconds" })),
  ];
  return {
    timeZone: org.timeZone,
    canManage: can(ctx.principal, "dashboards:manage"),
    groups: [
      { title: "Running", items: standings.filter((s) => s.status === "running").map(summary) },
      { title: "Upcoming", items: standings.filter((s) => s.status === "upcoming").map(summary) },
      { title: "Finished", items: standings.filter((s) => s.status === "ended").map(summary) },
    ],
    achievements: achievements.map((a) => {
      const kpi = directory.fact(a.kpiKey as AnyKpiKey);
      const comparison = kpi.direction === "lower" ? "≤" : "≥";
      const subject = a.scope === "agent" ? "An agent's" : "A team's";
      const sample = a.minSample > 0 ? ` over at least ${a.minSample}` : "";
      return {
        id: a.id,
        name: a.name,
        condition: `${subject} ${kpi.name.toLowerCase()} ${comparison} ${formatKpiValue(a.threshold, kpi.unit)} ${PERIOD_WORDS[a.period]}${sample}`,
        awards: a._count.awards,
      };
    }),
    awards,
    form: {
      kpis: periodKpis,
      agents: agents.map((a) => ({ value: a.externalId, label: a.name, team: a.team?.name ?? "" })),
      teams: teams.map((t) => ({ value: t.externalId, label: t.name })),
      today: new Intl.DateTimeFormat("en-CA", { timeZone: org.timeZone }).format(now),
    },
  };
}
