import { randomBytes } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";

import { migrate } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open-database";
import type { DatabaseKind } from "@/lib/db/sql-connection";

export const DATABASE_KINDS: DatabaseKind[] = ["pglite", "postgres"];

export interface TestDatabase extends Database {
  /** For Postgres, the URL of this test's private database. */
  url?: string;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the given kind: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = { migrate: true },
): Promise<TestDatabase> {
  let db: TestDatabase;
  if (kind === "pglite") {
    db = await openDatabase({ kind: "pglite-memory" });
  } else {
    const name = `deskpulse_test_${randomBytes(6).toString("hex")}`;
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(inject("postgresAdminUrl"));
    url.pathname = `/${name}`;
    const opened = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
    db = {
      ...opened,
      url: url.toString(),
      async close() {
        await opened.close();
        await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  if (options.migrate !== false) await db.withConnection((connection) => migrate(connection));
  return db;
}

/** Declares the suite once per database kind, each with its own freshly migrated database. */
export function describeEachDatabase(
  title: string,
  body: (context: { kind: DatabaseKind; db: () => TestDatabase }) => void,
  options: { migrate?: boolean } = {},
): void {
  describe.each(DATABASE_KINDS)(`${title} [%s]`, (kind) => {
    let db: TestDatabase | undefined;
    beforeAll(async () => {
      db = await createTestDatabase(kind, options);
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });
    body({
      kind,
      db: () => {
        if (!db) throw new Error("test database not open yet");
        return db;
      },
    });
  });
}
