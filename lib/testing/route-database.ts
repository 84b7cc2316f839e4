import { afterAll, beforeAll } from "vitest";

import type { Database } from "@/lib/db/open-database";

const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database> };

/** Makes the route handlers under app/api use the test's database, as `getDb()` would in the server. */
export function useRouteDatabase(db: () => Database): void {
  beforeAll(() => {
    holder.__deskpulseDb = Promise.resolve(db());
  });
  afterAll(() => {
    holder.__deskpulseDb = undefined;
  });
}
