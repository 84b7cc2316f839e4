import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runEvery } from "@/lib/server/run-every";

import { runDueDigests } from "./run-due-digests";

/**
 * Sends due digests every half minute (they are due on the minute, so an 08:00 digest leaves by
 * 08:00:30); other processes sharing the database tick too, and the claim in runDueDigests sends
 * each digest once among them.
 */
export function scheduleDigests(prisma: PrismaClient): void {
  runEvery("sending digests", 30_000, () => runDueDigests(prisma));
}
