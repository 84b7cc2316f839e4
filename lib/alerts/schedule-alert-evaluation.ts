import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runEvery } from "@/lib/server/run-every";

import { evaluateAlerts } from "./evaluate-alerts";

/** Twice a minute: a hold of N minutes is then judged within half a minute of N. */
const ALERT_TICK_MS = 30_000;

/** Evaluates the alert rules every tick; across processes each rule is claimed once per tick (evaluate-alerts.ts). */
export function scheduleAlertEvaluation(prisma: PrismaClient): void {
  runEvery("evaluating alerts", ALERT_TICK_MS, () => evaluateAlerts(prisma));
}
