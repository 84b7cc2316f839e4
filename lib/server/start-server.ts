import { scheduleAlertEvaluation } from "@/lib/alerts/schedule-alert-evaluation";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { scheduleConnectionSyncs } from "@/lib/connectors/schedule-connection-syncs";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { scheduleDigests } from "@/lib/digests/schedule-digests";
import { getDb } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env";
import { scheduleRollupRefresh } from "@/lib/kpi/rollups/schedule-rollup-refresh";
import { evaluateOnIngest, requestEvaluation } from "@/lib/motivation/evaluate-motivation";
import { scheduleDeliveries } from "@/lib/notifications/schedule-deliveries";
import { startLiveDemo } from "@/lib/simulator/start-live-demo";

/** Server start-up: open the database (which migrates it), then make sure someone can sign in. */
export async function startServer(): Promise<void> {
  evaluateOnIngest();
  try {
    const db = await getDb();
    console.log(`Deskpulse: ${db.kind === "postgres" ? "Postgres" : "embedded PGlite"} database ready`);
    await ensureDefaultDashboard(db.prisma);
    scheduleRollupRefresh(db.prisma);
    scheduleConnectionSyncs(db.prisma);
    scheduleDeliveries(db.prisma);
    scheduleDigests(db.prisma);
    scheduleAlertEvaluation(db.prisma);
    // Periods end without new data (a day with a perfect first-reply record is complete at midnight).
    setInterval(() => void requestEvaluation(db.prisma), 60_000).unref();
    const env = getEnv();
    if (env.DESKPULSE_DEMO_LIVE > 0) await startLiveDemo(db.prisma, env.DESKPULSE_DEMO_LIVE);
    const outcome = await ensureFirstAdmin(db.prisma, { email: env.DESKPULSE_ADMIN_EMAIL, password: env.DESKPULSE_ADMIN_PASSWORD });
    if (outcome.kind === "created-from-env") console.log(`Deskpulse: created the first admin, ${outcome.email}`);
    if (outcome.kind === "setup-link") {
      const origin = env.DESKPULSE_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
      console.log(`Deskpulse: no users yet. Create the first admin at ${new URL(outcome.path, origin).toString()} (one-time link)`);
    }
  } catch (error) {
    // Not fatal: /api/health answers 503 until the database can be reached.
    console.error(`Deskpulse: database not ready: ${error instanceof Error ? error.message : String(error)}`);
  }
}
