// The thread that owns the embedded database (started by open-pglite-worker.ts). PGlite runs
// Postgres compiled to wasm on the thread that calls it, so a slow statement there would stall
// every request the server is handling; here it stalls only this thread. Plain JavaScript, because
// the same file is loaded by the production server, `tsx` scripts and vitest, and only the first
// and last of those could load TypeScript.
import { parentPort, workerData } from "node:worker_threads";

import { messages, PGlite, types } from "@electric-sql/pglite";

// Values leave as the text Postgres sent: parsers are functions, which cannot cross threads, so the
// caller parses them with its own (the Prisma adapter brings its own for dates and numbers).
const RAW_TEXT = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (text) => text]));
const RAW = { rowMode: "array", parsers: RAW_TEXT };

const port = parentPort;
if (!port) throw new Error("pglite-worker.mjs runs as a worker thread only");

/** Open transactions by id: the PGlite transaction, and the queue its statements run in, in order. */
const transactions = new Map();

const rawResult = (result) => ({
  rows: result.rows,
  fields: result.fields,
  affectedRows: result.affectedRows,
});

/** A DatabaseError's fields as plain data (its `queryOptions` hold functions, which cannot be cloned). */
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error), databaseError: false, fields: {} };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  return { message: error.message, stack: error.stack, databaseError: error instanceof messages.DatabaseError, fields };
}

function beginTransaction(db, id) {
  return new Promise((begun, failed) => {
    const open = { tx: undefined, queue: Promise.resolve(), end: undefined, done: undefined };
    const ended = new Promise((resolve) => (open.end = resolve));
    transactions.set(id, open);
    open.done = db
      .transaction(async (tx) => {
        open.tx = tx;
        begun(undefined);
        // Resolved by the caller's commit or rollback; PGlite commits when this returns.
        if (!(await ended) && !tx.closed) await tx.rollback();
      })
      .finally(() => transactions.delete(id));
    open.done.catch(failed);
  });
}

/** Runs `step` on transaction `id` after the statements sent to it before. */
function inTransaction(id, step) {
  const open = transactions.get(id);
  if (!open?.tx) return Promise.reject(new Error("Transaction is closed"));
  const run = open.queue.then(() => step(open));
  open.queue = run.catch(() => {});
  return run;
}

async function handle(db, request) {
  switch (request.op) {
    case "query":
      return rawResult(await db.query(request.sql, request.params, RAW));
    case "exec":
      return (await db.exec(request.sql, RAW)).map(rawResult);
    case "begin":
      return beginTransaction(db, request.tx);
    case "tx-query":
      return inTransaction(request.tx, async ({ tx }) => rawResult(await tx.query(request.sql, request.params, RAW)));
    case "tx-exec":
      return inTransaction(request.tx, async ({ tx }) => (await tx.exec(request.sql, RAW)).map(rawResult));
    case "tx-rollback":
      return inTransaction(request.tx, async ({ tx }) => void (await tx.rollback()));
    case "tx-end":
      return inTransaction(request.tx, async ({ tx, end, done }) => {
        end(request.commit && !tx.closed);
        await done;
      });
    case "close":
      await db.close();
      return undefined;
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

try {
  const db = workerData.dataDir ? await PGlite.create(workerData.dataDir) : await PGlite.create();
  port.on("message", (request) => {
    handle(db, request).then(
      (result) => port.postMessage({ id: request.id, result }),
      (error) => port.postMessage({ id: request.id, error: serializeError(error) }),
    );
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: serializeError(error) });
}
