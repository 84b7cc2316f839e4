import type { PrismaClient } from "@/lib/generated/prisma/client";

import { refreshRollups } from "./refresh-rollups";

const REFRESH_INTERVAL_MS = 60_000;
/** Recompute chunks (a week of hours each) per family per tick, after a schedule or SLA change. */
const RECOMPUTE_CHUNKS_PER_TICK = 4;

const holder = globalThis as typeof globalThis & { __deskpulseRollupRefresh?: { running: boolean } };
const state = (holder.__deskpulseRollupRefresh ??= { running: false });

/**
 * Keeps the rollups within the hour: a refresh now, then one a minute. Queries stay exact without
 * it (they read unrolled and changed hours raw), only slower as the unrolled stretch grows. One
 * refresh at a time per process; a tick that finds one still running skips.
 */
export function scheduleRollupRefresh(prisma: PrismaClient): void {
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await refreshRollups(prisma, new Date(), { recomputeChunks: RECOMPUTE_CHUNKS_PER_TICK });
    } catch (error) {
      console.error(`Deskpulse: refreshing the KPI rollups failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  void tick();
  setInterval(() => void tick(), REFRESH_INTERVAL_MS).unref();
}
