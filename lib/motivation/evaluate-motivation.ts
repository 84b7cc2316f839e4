import type { PrismaClient } from "@/lib/generated/prisma/client";
import { onRecordsIngested } from "@/lib/ingest/ingest-events";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { evaluateAchievements, type AwardView } from "./achievements";
import { evaluateCompetitions } from "./competitions";

/** Achievements and competition ranks, evaluated against the data as it is now. */
export async function evaluateMotivation(prisma: PrismaClient, now = new Date()): Promise<AwardView[]> {
  const org = await getOrgSettings(prisma);
  const awards = await evaluateAchievements(prisma, org, now);
  await evaluateCompetitions(prisma, org, now);
  return awards;
}

const holder = globalThis as typeof globalThis & { __deskpulseEvaluation?: { running: Promise<void> | null; again: boolean } };
const state = (holder.__deskpulseEvaluation ??= { running: null, again: false });

/**
 * Asks for an evaluation after data arrived, without holding up the ingest response. Runs one at a
 * time per server process; requests that arrive during a run coalesce into one more run after it.
 */
export function requestEvaluation(prisma: PrismaClient): Promise<void> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        await evaluateMotivation(prisma);
      } catch (error) {
        console.error(`Deskpulse: evaluating achievements failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (state.again);
    state.running = null;
  })();
  return state.running;
}

/**
 * Achievements are awarded as data arrives, not when someone next looks: every accepted batch (the
 * ingest API, a CSV import) asks for an evaluation; the ingest response does not wait for it.
 * Returns the unsubscribe.
 */
export function evaluateOnIngest(): () => void {
  return onRecordsIngested("motivation", ({ prisma }) => void requestEvaluation(prisma));
}
