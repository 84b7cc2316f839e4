import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, expect, test } from "vitest";

import { FAKE_ZENDESK_EMAIL, FAKE_ZENDESK_TOKEN, startFakeZendesk, type FakeZendesk } from "@/lib/testing/fake-zendesk";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-databases";

// `npm run cli -- connections ...` as an operator runs it (as scripts/cli.test.ts): a separate
// process on the same database, the result alone on the last line.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
let db: TestDatabase;
let zendesk: FakeZendesk;

beforeAll(async () => {
  db = await createTestDatabase("postgres");
  zendesk = await startFakeZendesk({ tickets: 120, pageSize: 50 });
});
afterAll(() => Promise.all([db.close(), zendesk.close()]));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; lastLine: string; stderr: string }> {
  // eslint-disable-next-line no-restricted-properties -- the child process inherits this environment
  const env = { ...process.env, DATABASE_URL: db.url! };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { cwd: ROOT, env });
    return { code: 0, stdout, lastLine: stdout.trim().split("\n").pop()!, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, lastLine: failed.stdout.trim().split("\n").pop() ?? "", stderr: failed.stderr };
  }
}

test("connections add prints the id and keeps the secrets only sealed; connections sync prints the records stored", async () => {
  const added = await cli(
    "connections", "add", "--kind", "zendesk", "--url", zendesk.url, "--since", "2025-12-01",
    "--secret", `email=${FAKE_ZENDESK_EMAIL}`, "--secret", `token=${FAKE_ZENDESK_TOKEN}`,
  );
  expect(added.stderr).toBe("");
  expect(added.code).toBe(0);
  expect(added.lastLine).toMatch(/^\d+$/);
  expect(added.stdout).not.toContain(FAKE_ZENDESK_TOKEN);
  const row = await db.prisma.connection.findUniqueOrThrow({ where: { id: Number(added.lastLine) } });
  expect(row).toMatchObject({ kind: "zendesk", baseUrl: zendesk.url, intervalSeconds: 60, since: new Date("2025-12-01T00:00:00Z") });
  expect(row.secretsSealed).not.toContain(FAKE_ZENDESK_TOKEN);

  const synced = await cli("connections", "sync", added.lastLine);
  expect(synced.code).toBe(0);
  // 3 agents, 2 groups, 120 tickets, 240 comments, 8 answered ratings.
  expect(synced.lastLine).toBe(String(3 + 2 + 120 + 240 + 8));
  expect(await db.prisma.ticket.count()).toBe(120);
}, 180_000);

test("connections add names the bad option and stores nothing", async () => {
  const before = await db.prisma.connection.count();
  const badKind = await cli("connections", "add", "--kind", "nope", "--url", zendesk.url, "--secret", "token=x");
  expect(badKind.code).toBe(1);
  expect(badKind.stderr).toMatch(/--kind: must be one of zendesk/);
  const noToken = await cli("connections", "add", "--kind", "zendesk", "--url", zendesk.url, "--secret", "email=a@example.com");
  expect(noToken.code).toBe(1);
  expect(noToken.stderr).toMatch(/--secret token: give email and token/);
  const badUrl = await cli("connections", "add", "--kind", "zendesk", "--url", "not a url", "--secret", "oauthToken=x");
  expect(badUrl.stderr).toMatch(/--url: must be an http\(s\) URL/);
  expect(await db.prisma.connection.count()).toBe(before);
}, 180_000);
