import { createHash } from "node:crypto";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tagged } from "@/lib/http/route";
import { competitionStanding, type CompetitionStanding } from "@/lib/motivation/competitions";
import { getOrgSettings } from "@/lib/org/get-org-settings";

/** What a competition slide shows: the whole organisation's standing (a screen sees everyone). */
export interface CompetitionSlideData {
  /** When the standing was computed (ISO 8601). */
  computedAt: string;
  standing: CompetitionStanding;
}

/**
 * A competition slide of a screen, with an ETag that changes with the standing only; null when the
 * competition is not on that screen, so another screen's competitions stay out of reach.
 */
export async function loadCompetitionSlide(prisma: PrismaClient, screenId: number, competitionId: number): Promise<Tagged<CompetitionSlideData> | null> {
  const slide = await prisma.screenDashboard.findFirst({ where: { screenId, competitionId }, select: { competition: true } });
  if (!slide?.competition) return null;
  const now = new Date();
  const standing = await competitionStanding(prisma, slide.competition, await getOrgSettings(prisma), now);
  const etag = `W/"${createHash("sha256").update(JSON.stringify(standing)).digest("base64url").slice(0, 27)}"`;
  return { data: { computedAt: now.toISOString(), standing }, etag };
}
