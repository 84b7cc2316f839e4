import "server-only";

import { can } from "@/lib/auth/access";
import type { UserContext } from "@/lib/auth/guards";
import { scopeOf, visibleSubjects } from "@/lib/auth/scope";
import { competitionStanding, scopedStanding, type CompetitionStanding } from "@/lib/motivation/competitions";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface CompetitionPage {
  timeZone: string;
  /** The moment the standing was computed, for the widget's "updated" line. */
  now: number;
  kpiName: string;
  /** Rows outside the viewer's scope keep their rank but show neither name nor number. */
  standing: CompetitionStanding;
  canDelete: boolean;
}

/** One competition's standing as the viewer may see it, or null when there is no such competition. */
export async function competitionPage(ctx: UserContext, id: number): Promise<CompetitionPage | null> {
  const { prisma } = ctx;
  const competition = await prisma.competition.findUnique({ where: { id } });
  if (!competition) return null;
  const now = new Date();
  const [org, canSee] = await Promise.all([getOrgSettings(prisma), visibleSubjects(prisma, scopeOf(ctx.principal))]);
  const standing = scopedStanding(await competitionStanding(prisma, competition, org, now), canSee);
  return {
    timeZone: org.timeZone,
    now: now.getTime(),
    kpiName: standing.fact.name,
    standing,
    canDelete: can(ctx.principal, "dashboards:manage"),
  };
}
