import { expect, test } from "vitest";

import { isDatabaseUnavailable, isRetryableTransactionError } from "./database-errors";

const socket = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });

test("connection failures in every shape they arrive in are 'unavailable'", () => {
  expect(isDatabaseUnavailable(socket("ECONNREFUSED"))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
  expect(isDatabaseUnavailable({ message: "x", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } })).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
  expect(isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
  expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
});

test("query errors, deadlocks and programming errors are not 'unavailable'", () => {
  expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "P2002" }))).toBe(false);
  expect(isDatabaseUnavailable(Object.assign(new Error("deadlock detected"), { code: "40P01" }))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
  expect(isDatabaseUnavailable(null)).toBe(false);
});

test("deadlocks and serialization failures are retryable, wherever they are wrapped", () => {
  expect(isRetryableTransactionError(Object.assign(new Error("deadlock detected"), { code: "40P01" }))).toBe(true);
  expect(isRetryableTransactionError(Object.assign(new Error("write conflict"), { code: "P2034" }))).toBe(true);
  expect(isRetryableTransactionError({ message: "x", meta: { driverAdapterError: { cause: { kind: "postgres", code: "40001" } } } })).toBe(true);
  expect(isRetryableTransactionError(new Error("outer", { cause: { kind: "TransactionWriteConflict" } }))).toBe(true);
  expect(isRetryableTransactionError(Object.assign(new Error("unique"), { code: "23505" }))).toBe(false);
});
