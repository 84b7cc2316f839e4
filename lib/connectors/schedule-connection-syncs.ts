import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runEvery } from "@/lib/server/run-every";

import { runDueConnections } from "./run-due-connections";

/** Checks for due connections every few seconds (a connection's own interval decides when it is due). */
export function scheduleConnectionSyncs(prisma: PrismaClient): void {
  runEvery("syncing connections", 5_000, () => runDueConnections(prisma));
}
