import { dataDir, getEnv } from "@/lib/env";

import { migrate } from "./migrate";
import { openDatabase, type Database } from "./open-database";

/**
 * Opens the database the environment selects (Postgres when DATABASE_URL is set, otherwise the
 * embedded PGlite in DESKPULSE_DATA_DIR) and applies pending migrations before returning it.
 */
export async function openConfiguredDatabase(log: (line: string) => void = console.log): Promise<Database> {
  const url = getEnv().DATABASE_URL;
  const db = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: dataDir() });
  try {
    await db.withConnection((connection) => migrate(connection, { log }));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
