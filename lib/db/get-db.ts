import "server-only";

import { isBuildPhase } from "@/lib/env";

import { openConfiguredDatabase } from "./configured-database";
import type { Database } from "./open-database";

// One database per process, kept on globalThis: Next.js evaluates modules more than once (dev
// reloads, separate route bundles), and two PGlite instances on one folder would corrupt it.
const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database> };

/** The server's database: opened once per process, migrations applied before first use. */
export function getDb(): Promise<Database> {
  if (isBuildPhase()) {
    throw new Error("The database is never opened during `next build`; render this page dynamically.");
  }
  holder.__deskpulseDb ??= openConfiguredDatabase().catch((error: unknown) => {
    // Let the next caller try again (Postgres may simply not be up yet).
    holder.__deskpulseDb = undefined;
    throw error;
  });
  return holder.__deskpulseDb;
}
