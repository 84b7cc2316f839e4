import type { UserContext } from "@/lib/auth/guards";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { createAchievement, deleteAchievement, type AchievementInput } from "./achievements";
import { createCompetition, deleteCompetition, type CompetitionInput } from "./competitions";
import { requestEvaluation } from "./evaluate-motivation";

// The competitions page's changes. A new competition or achievement is evaluated at once rather
// than at the next ingest, so whoever qualifies already is ranked or awarded now.

/** The days are the organisation's local days; unknown participants throw UnknownParticipantError. */
export async function startCompetition({ prisma }: Pick<UserContext, "prisma">, input: CompetitionInput): Promise<{ id: number }> {
  const { id } = await createCompetition(prisma, input, (await getOrgSettings(prisma)).timeZone);
  void requestEvaluation(prisma);
  return { id };
}

/** Widgets showing it say it is gone at their next poll, not an interval later. */
export async function removeCompetition({ prisma }: Pick<UserContext, "prisma">, id: number): Promise<void> {
  await deleteCompetition(prisma, id);
  snapshotCache.clear();
}

/** Resolves once the evaluation that awards it to whoever already qualifies today has run. */
export async function addAchievement({ prisma }: Pick<UserContext, "prisma">, input: AchievementInput): Promise<void> {
  await createAchievement(prisma, input);
  await requestEvaluation(prisma);
}

export async function removeAchievement({ prisma }: Pick<UserContext, "prisma">, id: number): Promise<void> {
  await deleteAchievement(prisma, id);
}
