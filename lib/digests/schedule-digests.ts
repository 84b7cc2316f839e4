import type { PrismaClient } from "@/lib/generated/prisma/client";

import { runDueDigests } from "./run-due-digests";

/** Digests are due on the minute; half a minute keeps a 08:00 digest within 08:00:30. */
const TICK_MS = 30_000;

const holder = globalThis as typeof globalThis & { __deskpulseDigests?: { running: boolean; started: boolean } };
const state = (holder.__deskpulseDigests ??= { running: false, started: false });

/**
 * Sends due digests every half minute, one pass at a time per process; other processes sharing
 * the database may tick too, and the claim in runDueDigests sends each digest once among them.
 */
export function scheduleDigests(prisma: PrismaClient): void {
  if (state.started) return;
  state.started = true;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await runDueDigests(prisma);
    } catch (error) {
      console.error(`Deskpulse: sending digests failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  setInterval(() => void tick(), TICK_MS).unref();
}
