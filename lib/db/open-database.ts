import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { lockDataDir } from "./data-dir-lock";
import { openPgliteWorker, type PgliteWorker } from "./open-pglite-worker";
import type { DatabaseKind, SqlConnection } from "./sql-connection";

const PGLITE_ANALYZE_INTERVAL_MS = 15 * 60_000;

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs `fn` on one dedicated raw connection (migrations need BEGIN/COMMIT and session locks). */
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string }
  /** An in-memory PGlite: for tests and nothing else. */
  | { kind: "pglite-memory" };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url, target.poolSize) : openPglite(target);
}

function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server (Postgres restarted) must not crash the process.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (script) => {
            await client.query(script);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(target: { kind: "pglite"; dataDir: string } | { kind: "pglite-memory" }): Promise<Database> {
  const release = target.kind === "pglite" ? lockDataDir(target.dataDir) : () => {};
  // PGlite runs Postgres on the thread that calls it: on the server's own thread a rollup rebuild
  // would hold up every request, cache hits included. Its own worker thread holds it instead.
  let db: PgliteWorker;
  try {
    db = await openPgliteWorker(target.kind === "pglite" ? target.dataDir : undefined);
  } catch (error) {
    release();
    throw error;
  }
  // The adapter calls only query (rowMode "array", its own parsers), exec and transaction, all of
  // which the worker's proxy answers as PGlite would.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db as unknown as PGlite) });
  // PGlite has no autovacuum worker, so table statistics would never refresh and the planner would
  // keep the plans it chose for empty tables. Re-analysing every quarter hour keeps them current.
  const analyze = setInterval(() => void db.exec("ANALYZE").catch(() => {}), PGLITE_ANALYZE_INTERVAL_MS);
  analyze.unref();
  const connection: SqlConnection = {
    query: async <Row,>(text: string, params?: unknown[]) => (await db.query<Row>(text, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
  };
  return {
    kind: "pglite",
    prisma,
    // PGlite is a single connection; callers run migrations before anything else uses it.
    withConnection: (fn) => fn(connection),
    async close() {
      clearInterval(analyze);
      await prisma.$disconnect();
      await db.close();
      release();
    },
  };
}
