import type { PrismaClient } from "@/lib/generated/prisma/client";

import { runDueConnections } from "./run-due-connections";

const TICK_MS = 5_000;

const holder = globalThis as typeof globalThis & { __deskpulseConnectionSyncs?: { running: boolean; started: boolean } };
const state = (holder.__deskpulseConnectionSyncs ??= { running: false, started: false });

/**
 * Checks for due connections every few seconds (a connection's own interval decides when it is
 * due). One pass at a time per process; a tick that finds one still running skips.
 */
export function scheduleConnectionSyncs(prisma: PrismaClient): void {
  if (state.started) return;
  state.started = true;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await runDueConnections(prisma);
    } catch (error) {
      console.error(`Deskpulse: syncing connections failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  setInterval(() => void tick(), TICK_MS).unref();
}
