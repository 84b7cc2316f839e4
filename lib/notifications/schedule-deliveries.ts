import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runEvery } from "@/lib/server/run-every";

import { DELIVERY_BATCH, runDueDeliveries } from "./run-due-deliveries";

/** Drains the outbox every few seconds (claims keep servers apart); a full batch means more may be due. */
export function scheduleDeliveries(prisma: PrismaClient): void {
  runEvery("sending notifications", 5_000, async () => {
    for (;;) {
      const outcomes = await runDueDeliveries(prisma);
      if (outcomes.length < DELIVERY_BATCH) return;
    }
  });
}
