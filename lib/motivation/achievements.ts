import { z } from "zod";

import type { CanSee } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { needsMinimumSample } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import {
  factOf, isCustomKpiKey, loadKpiDirectory, loadKpiDirectoryAt, makeKpiDirectory, shownKpi, type AnyKpiKey, type KpiDirectory, type KpiRef,
} from "@/lib/kpi/kpi-directory";
import { NO_FILTERS } from "@/lib/kpi/kpi-query";
import { parseKpiAmount, ZKpiAmountText } from "@/lib/kpi/parse-kpi-amount";
import type { OrgSettings } from "@/lib/org/get-org-settings";

import { agentsOfTeams, notifyAgents } from "./notifications";
import { periodBefore, periodContaining, periodKpiKey, type PeriodKind } from "./periods";

/**
 * An achievement on any KPI of the directory measured over a period, built-in or custom. The
 * threshold is typed in the KPI's unit: a duration ("1h 30m" or seconds) for time KPIs.
 */
export const achievementInputSchema = (directory: KpiDirectory) => z
  .object({
    name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
    kpiKey: periodKpiKey(directory),
    scope: z.enum(["agent", "team"]),
    period: z.enum(["day", "week", "month"]),
    threshold: ZKpiAmountText,
    minSample: z.coerce.number().int("must be a whole number").min(0).max(100_000).default(0),
  })
  .transform((a, ctx) => {
    const threshold = parseKpiAmount(directory.fact(a.kpiKey).unit, a.threshold);
    if ("amount" in threshold) return { ...a, threshold: threshold.amount };
    ctx.addIssue({ code: "custom", path: ["threshold"], message: threshold.error });
    return z.NEVER;
  });
/** Over the built-in KPIs alone: what needs no database to check. */
export const ZAchievementInput = achievementInputSchema(makeKpiDirectory([]));
export type AchievementInput = z.infer<typeof ZAchievementInput>;

export interface AwardView {
  id: number;
  achievement: string;
  kpi: AnyKpiKey;
  scope: "agent" | "team";
  subject: string;
  subjectName: string;
  value: number;
  formatted: string;
  awardedAt: string;
}

export async function createAchievement(prisma: PrismaClient, input: AchievementInput) {
  return prisma.achievement.create({ data: input });
}

export async function listAchievements(prisma: PrismaClient) {
  return prisma.achievement.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { awards: true } } } });
}

export async function deleteAchievement(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.achievement.deleteMany({ where: { id } });
}

/** Reached in the KPI's better direction (a volume counts higher as better). */
export function meetsThreshold(kpi: KpiRef, value: number, threshold: number): boolean {
  return factOf(kpi).direction === "lower" ? value <= threshold : value >= threshold;
}

/**
 * The directory a period's achievements are computed with: a custom KPI's version in force at the
 * period's start (as a competition's at its start), so an edit during a day changes nothing
 * awarded for it. Built-ins alone need no database.
 */
async function directoryFor(prisma: PrismaClient, keys: readonly string[], start: Date): Promise<KpiDirectory> {
  return keys.some(isCustomKpiKey) ? loadKpiDirectoryAt(prisma, start) : makeKpiDirectory([]);
}

/**
 * Awards every achievement reached, once. Higher-is-better achievements ("50 tickets solved in a
 * day") are awarded the moment the running period reaches them, since more data cannot undo a
 * count; lower-is-better ones ("first reply under 5 minutes all day") only for a completed period,
 * when the whole period is known. A value from fewer records than the achievement's minimum (and,
 * for rates and scores, the organisation's) awards nothing. The unique (achievement, subject,
 * period) key makes re-ingested data and concurrent evaluations award nothing twice.
 */
export async function evaluateAchievements(prisma: PrismaClient, org: OrgSettings, now: Date): Promise<AwardView[]> {
  const achievements = await prisma.achievement.findMany();
  const groups = new Map<string, typeof achievements>();
  for (const a of achievements) {
    const id = `${a.scope}:${a.period}`;
    groups.set(id, [...(groups.get(id) ?? []), a]);
  }
  const awarded: AwardView[] = [];
  for (const members of groups.values()) {
    const { scope, period } = members[0]!;
    const periods = [
      { window: periodContaining(period as PeriodKind, now, org.timeZone), complete: false },
      { window: periodBefore(period as PeriodKind, now, org.timeZone), complete: true },
    ];
    for (const { window, complete } of periods) {
      const directory = await directoryFor(prisma, members.map((a) => a.kpiKey), window.start);
      // A key no longer in the directory (not a KPI any more) has nothing to award.
      const due = members.filter((a) => directory.has(a.kpiKey) && (complete || directory.fact(a.kpiKey).direction !== "lower"));
      if (due.length === 0) continue;
      const snapshot = await getKpiSnapshot(prisma, [...new Set(due.map((a) => a.kpiKey as AnyKpiKey))], {
        from: window.start, to: new Date(Math.min(window.end.getTime(), now.getTime())), timeZone: org.timeZone, now,
        serviceLevelSeconds: org.serviceLevelSeconds, percentiles: false, filters: NO_FILTERS, grouping: { by: scope },
      }, { directory });
      for (const a of due) {
        const key = a.kpiKey as AnyKpiKey;
        const fact = shownKpi(directory.fact(key));
        const minimum = Math.max(1, a.minSample, needsMinimumSample(fact) ? org.minSampleSize : 0);
        const reached = (snapshot.get(key)?.groups ?? []).filter(
          (g): g is typeof g & { key: string; value: number } => g.key !== null && g.value !== null && g.n >= minimum && meetsThreshold(fact, g.value, a.threshold),
        );
        if (reached.length === 0) continue;
        // Sorted by subject, so two evaluations inserting the same awards lock their keys in one order (docs/ingest.md).
        reached.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
        const created = await prisma.achievementAward.createManyAndReturn({
          data: reached.map((g) => ({ achievementId: a.id, subject: g.key, subjectName: g.label, periodStart: window.start, value: g.value, n: g.n, awardedAt: now })),
          skipDuplicates: true,
        });
        for (const award of created) {
          const view = toAwardView(award, a, directory);
          awarded.push(view);
          const agents = scope === "agent" ? [award.subject] : await agentsOfTeams(prisma, [award.subject]);
          await notifyAgents(prisma, agents, `Achievement unlocked: ${a.name} (${view.formatted})${scope === "team" ? ` for ${award.subjectName}` : ""}`, null);
        }
      }
    }
  }
  return awarded;
}

/** The newest awards a viewer may see, newest first. */
export async function recentAwards(prisma: PrismaClient, canSee: CanSee, options: { since?: Date; limit: number }): Promise<AwardView[]> {
  const rows = await prisma.achievementAward.findMany({
    where: options.since ? { awardedAt: { gte: options.since } } : {},
    orderBy: [{ awardedAt: "desc" }, { id: "desc" }],
    take: options.limit * 4,
    include: { achievement: true },
  });
  const shown = rows.filter((r) => canSee(r.achievement.scope, r.subject)).slice(0, options.limit);
  const directory = await awardsDirectory(prisma, shown.map((r) => r.achievement.kpiKey));
  return shown.map((r) => toAwardView(r, r.achievement, directory));
}

export async function awardsOf(prisma: PrismaClient, scope: "agent" | "team", subject: string, limit = 20): Promise<AwardView[]> {
  const rows = await prisma.achievementAward.findMany({
    where: { subject, achievement: { scope } },
    orderBy: [{ awardedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { achievement: true },
  });
  const directory = await awardsDirectory(prisma, rows.map((r) => r.achievement.kpiKey));
  return rows.map((r) => toAwardView(r, r.achievement, directory));
}

/** What past awards are worded with: a custom KPI's latest facts (its unit), read only when one is among them. */
async function awardsDirectory(prisma: PrismaClient, keys: readonly string[]): Promise<KpiDirectory> {
  return keys.some(isCustomKpiKey) ? loadKpiDirectory(prisma) : makeKpiDirectory([]);
}

function toAwardView(
  award: { id: number; subject: string; subjectName: string; value: number; awardedAt: Date },
  achievement: { name: string; kpiKey: string; scope: "agent" | "team" },
  directory: KpiDirectory,
): AwardView {
  const kpiKey = achievement.kpiKey as AnyKpiKey;
  return {
    id: award.id,
    achievement: achievement.name,
    kpi: kpiKey,
    scope: achievement.scope,
    subject: award.subject,
    subjectName: award.subjectName,
    value: award.value,
    formatted: formatKpiValue(award.value, directory.fact(kpiKey).unit),
    awardedAt: award.awardedAt.toISOString(),
  };
}
