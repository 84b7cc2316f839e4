import type { PrismaClient } from "@/lib/generated/prisma/client";

import { evaluateAlerts } from "./evaluate-alerts";

/** Twice a minute: a hold of N minutes is then judged within half a minute of N. */
export const ALERT_TICK_MS = 30_000;

const holder = globalThis as typeof globalThis & { __deskpulseAlerts?: { running: boolean; started: boolean } };
const state = (holder.__deskpulseAlerts ??= { running: false, started: false });

/**
 * Evaluates the alert rules every tick. One evaluation at a time per process (a tick that finds
 * one still running skips); across processes each rule is claimed once per tick (evaluate-alerts.ts).
 */
export function scheduleAlertEvaluation(prisma: PrismaClient): void {
  if (state.started) return;
  state.started = true;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await evaluateAlerts(prisma);
    } catch (error) {
      console.error(`Deskpulse: evaluating alerts failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  setInterval(() => void tick(), ALERT_TICK_MS).unref();
}
