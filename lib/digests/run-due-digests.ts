import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { nextDigestRun } from "./next-digest-run";
import { sendDigest } from "./send-digest";

/**
 * Claims a due digest by moving its next_run_at on, conditionally on the value this runner read:
 * of two processes (or two ticks) that both saw it due, exactly one UPDATE matches, and only that
 * one sends. True when this caller won.
 */
export async function claimDigestRun(prisma: PrismaClient, id: number, due: Date, next: Date): Promise<boolean> {
  const { count } = await prisma.digest.updateMany({ where: { id, enabled: true, nextRunAt: due }, data: { nextRunAt: next } });
  return count === 1;
}

/** Sends one digest now and notes when and with what result; a failure is its result, not a crash of the tick. */
export async function runDigest(prisma: PrismaClient, id: number, at = new Date()): Promise<string> {
  let result: string;
  try {
    result = await sendDigest(prisma, id, at);
  } catch (error) {
    result = `Failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  await prisma.digest.updateMany({ where: { id }, data: { lastRunAt: at, lastResult: result } });
  return result;
}

/**
 * Every enabled digest whose time has come, each sent once. A server that was down over several
 * runs sends one digest on its return, not one per missed run: the next run is computed from now.
 * Answers the ids of the digests this call sent.
 */
export async function runDueDigests(prisma: PrismaClient, now = new Date()): Promise<number[]> {
  const due = await prisma.digest.findMany({
    where: { enabled: true, nextRunAt: { lte: now } },
    select: { id: true, frequency: true, weekday: true, localTime: true, nextRunAt: true },
    orderBy: { nextRunAt: "asc" },
  });
  if (!due.length) return [];
  const { timeZone } = await getOrgSettings(prisma);
  const sent: number[] = [];
  for (const digest of due) {
    if (!(await claimDigestRun(prisma, digest.id, digest.nextRunAt, nextDigestRun(digest, now, timeZone)))) continue;
    await runDigest(prisma, digest.id, now);
    sent.push(digest.id);
  }
  return sent;
}
