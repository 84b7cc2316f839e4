import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, expect, test } from "vitest";

import { loadCustomKpiVersion } from "@/lib/kpi/custom/load-custom-kpi-version";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-databases";

// `npm run cli -- kpis create ...` as an operator runs it: a separate process on the same database.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("postgres");
});
afterAll(() => db.close());

async function cli(...args: string[]): Promise<{ code: number; lastLine: string; stderr: string }> {
  // eslint-disable-next-line no-restricted-properties -- the child process inherits this environment
  const env = { ...process.env, DATABASE_URL: db.url! };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { cwd: ROOT, env });
    return { code: 0, lastLine: stdout.trim().split("\n").pop()!, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, lastLine: failed.stdout.trim().split("\n").pop() ?? "", stderr: failed.stderr };
  }
}

test("kpis create prints the new key; a wrong formula is refused with its place", async () => {
  const created = await cli("kpis", "create", "--name", "Solved per created", "--formula", "tickets_solved / ticket_volume", "--unit", "number", "--direction", "higher");
  expect(created).toMatchObject({ code: 0, lastLine: "custom_solved_per_created" });
  expect(await loadCustomKpiVersion(db.prisma, "custom_solved_per_created")).toMatchObject({ version: 1, unit: "number", direction: "higher", canonical: "tickets_solved / ticket_volume" });

  const refused = await cli("kpis", "create", "--name", "Typo", "--formula", "count(tickets by created where prority = urgent)");
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("--formula: 1:32: unknown field");
  expect((await cli("kpis", "create", "--name", "No unit", "--formula", "count(tickets by created)", "--unit", "apples")).stderr).toContain("--unit: must be one of");
}, 120_000);
