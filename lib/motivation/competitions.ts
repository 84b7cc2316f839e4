import { TZDate } from "@date-fns/tz";
import { z } from "zod";

import type { CanSee } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { needsMinimumSample, type KpiUnit } from "@/lib/kpi/catalog";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { isCustomKpiKey, loadKpiDirectoryAt, makeKpiDirectory, type AnyKpiKey, type KpiDirectory, shownKpi, type ShownKpi } from "@/lib/kpi/kpi-directory";
import { NO_FILTERS } from "@/lib/kpi/kpi-query";
import { parseKpiAmount, ZKpiAmountText } from "@/lib/kpi/parse-kpi-amount";
import type { LeaderboardRow } from "@/lib/leaderboards/leaderboard-row";
import { rankLeaderboard } from "@/lib/leaderboards/rank-leaderboard";
import type { OrgSettings } from "@/lib/org/get-org-settings";

import { agentsOfTeams, notifyAgents } from "./notifications";
import { periodKpiKey } from "./periods";

const localDate = z.iso.date("must be a date YYYY-MM-DD");

/** A competition on any KPI of the directory measured over a period, built-in or custom. */
export const competitionInputSchema = (directory: KpiDirectory) => z
  .object({
    name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
    kpiKey: periodKpiKey(directory),
    /** Local days in the organisation's zone, both included. */
    firstDay: localDate,
    lastDay: localDate,
    participantKind: z.enum(["agent", "team"]),
    participants: z.array(z.string().min(1)).min(2, "choose at least two").max(100, "at most 100"),
    /** In the KPI's unit: a duration ("1h 30m" or seconds) for time KPIs. */
    goal: ZKpiAmountText.optional(),
    prize: z.string().trim().max(200, "must be at most 200 characters").optional(),
  })
  .refine((c) => c.lastDay >= c.firstDay, { message: "must be on or after the first day", path: ["lastDay"] })
  .transform(({ goal, ...c }, ctx): typeof c & { goal?: number } => {
    if (goal === undefined) return c;
    const parsed = parseKpiAmount(directory.fact(c.kpiKey).unit, goal);
    if ("amount" in parsed) return { ...c, goal: parsed.amount };
    ctx.addIssue({ code: "custom", path: ["goal"], message: parsed.error });
    return z.NEVER;
  });
/** Over the built-in KPIs alone: what needs no database to check. */
export const ZCompetitionInput = competitionInputSchema(makeKpiDirectory([]));
export type CompetitionInput = z.infer<typeof ZCompetitionInput>;

export class UnknownParticipantError extends Error {}

export type CompetitionStatus = "upcoming" | "running" | "ended";

export interface CompetitionRow extends LeaderboardRow {
  /** Share of the goal reached, 0-1 (capped), or null without a goal or a value. */
  progress: number | null;
}

export interface CompetitionStanding {
  id: number;
  name: string;
  kpi: AnyKpiKey;
  /** The KPI's facts as the competition computes it (a custom KPI's version in force at the start). */
  fact: ShownKpi;
  unit: KpiUnit;
  participantKind: "agent" | "team";
  startsAt: string;
  endsAt: string;
  status: CompetitionStatus;
  goal: number | null;
  prize: string | null;
  minSample: number;
  rows: CompetitionRow[];
  /** When the final standing was frozen (after the end); null while it is live. */
  frozenAt: string | null;
}

const participantsOf = (json: unknown) => z.array(z.string()).parse(json);

export async function createCompetition(prisma: PrismaClient, input: CompetitionInput, timeZone: string) {
  const model = input.participantKind === "agent" ? prisma.agent : prisma.team;
  const known = await (model as typeof prisma.team).findMany({ where: { externalId: { in: input.participants } }, select: { externalId: true } });
  const missing = input.participants.filter((p) => !known.some((k) => k.externalId === p));
  if (missing.length) throw new UnknownParticipantError(`unknown ${input.participantKind}: ${missing.join(", ")}`);
  const day = (date: string, offset = 0) => {
    const [y, m, d] = date.split("-").map(Number);
    return new Date(new TZDate(y!, m! - 1, d! + offset, 0, 0, 0, timeZone).getTime());
  };
  return prisma.competition.create({
    data: {
      name: input.name, kpiKey: input.kpiKey, participantKind: input.participantKind, participants: [...new Set(input.participants)],
      startsAt: day(input.firstDay), endsAt: day(input.lastDay, 1), goal: input.goal ?? null, prize: input.prize || null,
    },
  });
}

export async function deleteCompetition(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.competition.deleteMany({ where: { id } });
}

export async function listCompetitions(prisma: PrismaClient) {
  return prisma.competition.findMany({ orderBy: [{ endsAt: "desc" }, { id: "desc" }] });
}

type CompetitionRecord = Awaited<ReturnType<typeof listCompetitions>>[number];

/**
 * A competition's standing: live while it runs (with rank movement over the last hour), the stored
 * final standing once it has ended (computed and frozen the first time anyone or anything asks after
 * the end; later data never changes it). Rates need the minimum sample to be ranked, as everywhere.
 */
export async function competitionStanding(prisma: PrismaClient, c: CompetitionRecord, org: OrgSettings, now: Date): Promise<CompetitionStanding> {
  const kpi = c.kpiKey as AnyKpiKey;
  // A custom KPI as it was defined at the start: an edit during the competition changes nothing it shows.
  const directory = isCustomKpiKey(kpi) ? await loadKpiDirectoryAt(prisma, c.startsAt) : makeKpiDirectory([]);
  const fact = shownKpi(directory.fact(kpi));
  const status: CompetitionStatus = now < c.startsAt ? "upcoming" : now < c.endsAt ? "running" : "ended";
  const base = {
    id: c.id, name: c.name, kpi, fact, unit: fact.unit, participantKind: c.participantKind, startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(), status, goal: c.goal, prize: c.prize, minSample: needsMinimumSample(fact) ? org.minSampleSize : 0,
  };
  if (c.finalStandings && c.frozenAt) return { ...base, rows: c.finalStandings as unknown as CompetitionRow[], frozenAt: c.frozenAt.toISOString() };
  const participants = participantsOf(c.participants);
  if (status === "upcoming") {
    const names = await namesOf(prisma, c.participantKind, participants);
    return { ...base, frozenAt: null, rows: participants.map((p) => ({ key: p, label: names.get(p) ?? p, value: null, n: 0, rank: null, previousRank: null, progress: null })) };
  }
  const end = status === "ended" ? c.endsAt : now;
  const hourAgo = new Date(end.getTime() - 3_600_000);
  const standing = async (to: Date) =>
    (
      await getKpiSnapshot(prisma, [kpi], {
        from: c.startsAt, to, timeZone: org.timeZone, now, serviceLevelSeconds: org.serviceLevelSeconds, percentiles: false,
        filters: { ...NO_FILTERS, [c.participantKind]: participants }, grouping: { by: c.participantKind },
      }, { directory })
    ).get(kpi)?.groups ?? [];
  const [current, earlier] = await Promise.all([standing(end), status === "running" && hourAgo > c.startsAt ? standing(hourAgo) : []]);
  const names = await namesOf(prisma, c.participantKind, participants);
  const withEveryone = [...current, ...participants.filter((p) => !current.some((g) => g.key === p)).map((p) => ({ key: p, label: names.get(p) ?? p, value: null, n: 0 }))];
  const rows = rankLeaderboard(fact, withEveryone, earlier, base.minSample).map((row) => ({ ...row, progress: progress(fact, row.value, c.goal) }));
  if (status === "ended") {
    // Only the first to get here stores it; everyone then reads the same frozen standing.
    await prisma.competition.updateMany({ where: { id: c.id, frozenAt: null }, data: { finalStandings: rows as object[], frozenAt: now } });
    const frozen = await prisma.competition.findUniqueOrThrow({ where: { id: c.id } });
    return { ...base, rows: frozen.finalStandings as unknown as CompetitionRow[], frozenAt: frozen.frozenAt!.toISOString() };
  }
  return { ...base, rows, frozenAt: null };
}

/** Rows outside the viewer's scope keep their rank but show neither name nor number. */
export function scopedStanding(standing: CompetitionStanding, canSee: CanSee): CompetitionStanding {
  return {
    ...standing,
    rows: standing.rows.map((row, i) =>
      canSee(standing.participantKind, row.key) ? row : { ...row, key: `hidden-${i + 1}`, label: standing.participantKind === "team" ? "Another team" : "Another agent", value: null, progress: null },
    ),
  };
}

function progress(kpi: ShownKpi, value: number | null, goal: number | null): number | null {
  if (value === null || goal === null) return null;
  const share = kpi.direction === "lower" ? (value <= 0 ? 1 : goal / value) : goal === 0 ? 1 : value / goal;
  return Math.max(0, Math.min(1, share));
}

async function namesOf(prisma: PrismaClient, kind: "agent" | "team", ids: string[]): Promise<Map<string, string>> {
  const rows = kind === "agent"
    ? await prisma.agent.findMany({ where: { externalId: { in: ids } }, select: { externalId: true, name: true } })
    : await prisma.team.findMany({ where: { externalId: { in: ids } }, select: { externalId: true, name: true } });
  return new Map(rows.map((r) => [r.externalId, r.name]));
}

/**
 * For running competitions: compares each participant's rank with the last one seen and tells the
 * agents concerned when it changed ("You moved up to #2 in December sprint"); also freezes the
 * final standing of competitions that have just ended.
 */
export async function evaluateCompetitions(prisma: PrismaClient, org: OrgSettings, now: Date): Promise<void> {
  const due = await prisma.competition.findMany({ where: { startsAt: { lte: now }, frozenAt: null }, include: { ranks: true } });
  for (const c of due) {
    const standing = await competitionStanding(prisma, c, org, now);
    if (standing.status !== "running") continue;
    const before = new Map(c.ranks.map((r) => [r.participant, r.rank]));
    for (const row of standing.rows) {
      if (row.rank === null) continue;
      const previous = before.get(row.key);
      if (previous === row.rank) continue;
      await prisma.competitionRank.upsert({
        where: { competitionId_participant: { competitionId: c.id, participant: row.key } },
        create: { competitionId: c.id, participant: row.key, rank: row.rank },
        update: { rank: row.rank },
      });
      if (previous === undefined) continue;
      const moved = row.rank < previous ? "up" : "down";
      const agents = c.participantKind === "agent" ? [row.key] : await agentsOfTeams(prisma, [row.key]);
      const who = c.participantKind === "agent" ? "You" : row.label;
      await notifyAgents(prisma, agents, `${who} moved ${moved} to #${row.rank} in ${c.name}`, `/competitions/${c.id}`);
    }
  }
}
