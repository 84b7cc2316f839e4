import type { PrismaClient } from "@/lib/generated/prisma/client";

import { syncConnection, type SyncOptions } from "./sync-connection";

/**
 * Runs every connection that is due, one after another, each bounded in pages and time by
 * `syncConnection`. Another server may take one first: its lease makes this one skip it.
 */
export async function runDueConnections(prisma: PrismaClient, options: SyncOptions = {}): Promise<number> {
  const due = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM connections
     WHERE NOT paused AND status <> 'stopped' AND next_run_at <= now()
       AND (lease_until IS NULL OR lease_until < now())
     ORDER BY next_run_at, id`;
  let stored = 0;
  for (const { id } of due) {
    const outcome = await syncConnection(prisma, id, options);
    if (outcome.ran) stored += outcome.stored;
  }
  return stored;
}
