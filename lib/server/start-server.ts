import { getDb } from "@/lib/db/get-db";

/** Server start-up: open the database (which migrates it). A failure is logged, not fatal: health says 503. */
export async function startServer(): Promise<void> {
  try {
    const db = await getDb();
    console.log(`Deskpulse: ${db.kind === "postgres" ? "Postgres" : "embedded PGlite"} database ready`);
  } catch (error) {
    console.error(`Deskpulse: database not ready: ${error instanceof Error ? error.message : String(error)}`);
  }
}
