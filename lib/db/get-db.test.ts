import { expect, test, vi } from "vitest";

import type { Database } from "./open-database";

const opened = { kind: "postgres" } as Database;
const openConfiguredDatabase = vi.hoisted(() => vi.fn());
vi.mock("./configured-database", () => ({ openConfiguredDatabase }));

const { getDb } = await import("./get-db");

test("a failed first open is not kept: the next caller opens the database again, then it is opened once", async () => {
  openConfiguredDatabase.mockRejectedValueOnce(new Error("connect ECONNREFUSED")).mockResolvedValue(opened);
  await expect(getDb()).rejects.toThrow("ECONNREFUSED");
  await expect(getDb()).resolves.toBe(opened);
  await expect(getDb()).resolves.toBe(opened);
  expect(openConfiguredDatabase).toHaveBeenCalledTimes(2);
  (globalThis as { __deskpulseDb?: unknown }).__deskpulseDb = undefined;
});
