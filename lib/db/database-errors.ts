// What went wrong with the database, read from whatever shape the error arrived in: Prisma's
// known-request errors (P-codes), the driver adapter's mapped error (`kind`), Postgres SQLSTATEs,
// or a raw socket error from `pg`. Route handlers answer 503 + Retry-After for the first two
// classes instead of a 500, and writers retry the second inside the server a bounded number of times.

/** Prisma's codes for "the server is not there or the connection broke". */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
// Raised by `pg` and PGlite without a code when a connection or pool goes away under a query.
const UNAVAILABLE_MESSAGES = /connection terminated|connection ended|connection timeout|pool after calling end|pglite is closed/i;

/** Serialization failure and deadlock: the transaction may succeed when run again. */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

interface ErrorFields {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
}

/** The error and everything it wraps: `cause` chains and Prisma's `meta.driverAdapterError`. */
function* chain(error: unknown): Generator<ErrorFields> {
  const seen = new Set<unknown>();
  const stack = [error];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    const fields = next as ErrorFields;
    yield fields;
    stack.push(fields.cause);
    if (typeof fields.meta === "object" && fields.meta !== null) stack.push((fields.meta as { driverAdapterError?: unknown }).driverAdapterError);
  }
}

function sqlState(fields: ErrorFields): string | null {
  if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code)) return fields.code;
  const original = (fields as { originalCode?: unknown }).originalCode;
  return typeof original === "string" ? original : null;
}

/** The database cannot be reached or dropped the connection: answer 503 and let the client retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const fields of chain(error)) {
    if (typeof fields.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(fields.code) || UNAVAILABLE_SOCKET_CODES.has(fields.code))) return true;
    if (typeof fields.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(fields.kind)) return true;
    const state = sqlState(fields);
    // Class 08 is connection exceptions; 57P01-57P03 are shutdown and "cannot connect now"; 53300 too many connections.
    if (state && (state.startsWith("08") || /^57P0[1-3]$/.test(state) || state === "53300")) return true;
    if (typeof fields.message === "string" && UNAVAILABLE_MESSAGES.test(fields.message)) return true;
  }
  return false;
}

/** A deadlock or serialization failure: the same transaction may be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  for (const fields of chain(error)) {
    if (fields.code === "P2034" || fields.kind === "TransactionWriteConflict") return true;
    const state = sqlState(fields);
    if (state && RETRYABLE_SQLSTATES.has(state)) return true;
  }
  return false;
}

/** Thrown when the database is busy or away after the server's own retries; answered 503 + Retry-After. */
export class DatabaseUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}
