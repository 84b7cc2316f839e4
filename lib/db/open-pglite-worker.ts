import path from "node:path";
import { Worker } from "node:worker_threads";

import { messages, types, type ParserOptions, type Results, type RowMode } from "@electric-sql/pglite";

interface RawResult {
  rows: (string | null)[][];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

interface SerializedError {
  message: string;
  stack?: string;
  databaseError: boolean;
  fields: Record<string, unknown>;
}

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: SerializedError;
}

interface QueryOptions {
  rowMode?: RowMode;
  parsers?: ParserOptions;
}

/** The part of a PGlite transaction the Prisma adapter and the migration runner use. */
export interface PgliteWorkerTransaction {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/**
 * The part of PGlite's interface the Prisma adapter (pglite-prisma-adapter calls `query` with
 * `rowMode: "array"` and its own parsers, `exec` and `transaction`) and the migration runner use,
 * answered by a PGlite instance on a worker thread.
 */
export interface PgliteWorker {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(fn: (tx: PgliteWorkerTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Resolved from the working directory rather than this module: in the production server this
// module is bundled into .next/server, far from the worker's file. Every way Deskpulse is run
// (`npm start`, the `tsx` scripts, vitest) runs from the project's root.
const WORKER_FILE = path.join(process.cwd(), "lib", "db", "pglite-worker.mjs");

/** Errors as the adapter and database-errors.ts expect them: PGlite's own DatabaseError class, fields and all. */
function reviveError(serialized: SerializedError): Error {
  const { message, stack, databaseError, fields } = serialized;
  const error = databaseError ? new messages.DatabaseError(message, 0, "error") : new Error(message);
  Object.assign(error, fields);
  if (stack) error.stack = stack;
  return error;
}

function parseResult<Row>(raw: RawResult, options: QueryOptions | undefined): Results<Row> {
  const parsers = options?.parsers;
  const parsedRows = raw.rows.map((row) => row.map((text, i) => types.parseType(text, raw.fields[i]!.dataTypeID, parsers) as unknown));
  const rows =
    options?.rowMode === "array"
      ? parsedRows
      : parsedRows.map((values) => Object.fromEntries(raw.fields.map((field, i) => [field.name, values[i]])));
  return { rows: rows as Row[], fields: raw.fields, affectedRows: raw.affectedRows };
}

/**
 * Starts a worker thread that opens PGlite on `dataDir` (in memory when undefined) and returns its
 * proxy once the database is open. The worker keeps the process alive only while a request is in
 * flight, as an in-thread PGlite would.
 */
export async function openPgliteWorker(dataDir: string | undefined): Promise<PgliteWorker> {
  // Turbopack bundles what a `new Worker()` names unless told not to: this file runs as it is.
  const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const onReply = (reply: Reply) => {
      worker.off("error", reject);
      if (reply.ready) resolve();
      else reject(reviveError(reply.error ?? { message: "PGlite failed to open", databaseError: false, fields: {} }));
    };
    worker.once("message", onReply);
    worker.once("error", reject);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  worker.unref();

  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id!);
    if (pending.size === 0) worker.unref();
    if (reply.error) waiting.reject(reviveError(reply.error));
    else waiting.resolve(reply.result);
  });
  // "PGlite is closed" is what database-errors.ts reads as the database being unavailable.
  worker.on("error", (error) => stop(new Error(`PGlite is closed: its thread failed (${error.message})`, { cause: error })));
  worker.on("exit", (code) => stop(new Error(`PGlite is closed (its thread exited with code ${code})`)));

  const call = <T>(op: string, fields: Record<string, unknown> = {}): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, ...fields });
    });
  };

  let nextTransaction = 1;
  return {
    async query<Row>(sql: string, params?: unknown[], options?: QueryOptions) {
      return parseResult<Row>(await call<RawResult>("query", { sql, params }), options);
    },
    async exec(sql: string) {
      return (await call<RawResult[]>("exec", { sql })).map((raw) => parseResult(raw, undefined));
    },
    async transaction<T>(fn: (tx: PgliteWorkerTransaction) => Promise<T>): Promise<T> {
      const id = nextTransaction++;
      await call("begin", { tx: id });
      let closed = false;
      const tx: PgliteWorkerTransaction = {
        async query<Row>(sql: string, params?: unknown[], options?: QueryOptions) {
          return parseResult<Row>(await call<RawResult>("tx-query", { tx: id, sql, params }), options);
        },
        async exec(sql: string) {
          return (await call<RawResult[]>("tx-exec", { tx: id, sql })).map((raw) => parseResult(raw, undefined));
        },
        async rollback() {
          closed = true;
          await call("tx-rollback", { tx: id });
        },
        get closed() {
          return closed;
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        await call("tx-end", { tx: id, commit: false }).catch(() => {});
        throw error;
      }
      await call("tx-end", { tx: id, commit: true });
      return result;
    },
    async close() {
      if (!stopped) await call("close");
      stop(new Error("PGlite is closed"));
      await worker.terminate();
    },
  };
}
