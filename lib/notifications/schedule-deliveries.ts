import type { PrismaClient } from "@/lib/generated/prisma/client";

import { DELIVERY_BATCH, runDueDeliveries } from "./run-due-deliveries";

const TICK_MS = 5_000;

const holder = globalThis as typeof globalThis & { __deskpulseDeliveries?: { running: boolean; started: boolean } };
const state = (holder.__deskpulseDeliveries ??= { running: false, started: false });

/** Drains the outbox every few seconds; one pass at a time per process (claims keep processes apart). */
export function scheduleDeliveries(prisma: PrismaClient): void {
  if (state.started) return;
  state.started = true;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      // A full batch may mean more are due: keep going until a pass finds fewer.
      for (;;) {
        const outcomes = await runDueDeliveries(prisma);
        if (outcomes.length < DELIVERY_BATCH) break;
      }
    } catch (error) {
      console.error(`Deskpulse: sending notifications failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  setInterval(() => void tick(), TICK_MS).unref();
}
