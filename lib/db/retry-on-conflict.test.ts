import { describe, expect, test } from "vitest";

import { DatabaseUnavailableError } from "@/lib/db/database-errors";

import { retryOnConflict } from "./retry-on-conflict";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });
const fast = { attempts: 4, baseDelayMs: 1 };

describe("retryOnConflict", () => {
  test("runs a transaction again after a deadlock and returns its result", async () => {
    let runs = 0;
    const result = await retryOnConflict(async () => {
      runs += 1;
      if (runs < 3) throw deadlock();
      return "stored";
    }, fast);
    expect(result).toBe("stored");
    expect(runs).toBe(3);
  });

  test("gives up after the last attempt with a DatabaseUnavailableError that keeps the cause", async () => {
    let runs = 0;
    const error = await retryOnConflict(async () => {
      runs += 1;
      throw deadlock();
    }, fast).catch((e: unknown) => e);
    expect(runs).toBe(4);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as Error).cause).toMatchObject({ code: "40P01" });
  });

  test("does not retry other errors", async () => {
    let runs = 0;
    const refused = new Error("unique violation");
    await expect(
      retryOnConflict(async () => {
        runs += 1;
        throw refused;
      }, fast),
    ).rejects.toBe(refused);
    expect(runs).toBe(1);
  });
});
