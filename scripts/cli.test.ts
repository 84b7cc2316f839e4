import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, expect, test } from "vitest";

import { loadCustomKpiVersion } from "@/lib/kpi/custom/load-custom-kpi-version";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-databases";

// The CLI as an operator runs it: a separate process on the same database, result on the last line.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("postgres");
  await db.prisma.team.create({ data: { externalId: "billing", name: "Billing" } });
  await db.prisma.dashboard.create({ data: { slug: "overview", name: "Service overview" } });
});
afterAll(() => db.close());

async function cli(...args: string[]): Promise<{ code: number; lastLine: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: db.url! };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { cwd: ROOT, env });
    return { code: 0, lastLine: stdout.trim().split("\n").pop()!, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, lastLine: failed.stdout.trim().split("\n").pop() ?? "", stderr: failed.stderr };
  }
}

test("users create prints the new user's id; the user leads the named team", async () => {
  const result = await cli("users", "create", "--email", "Lead@Example.com", "--password", "long-enough", "--role", "team_lead", "--team", "billing");
  expect(result.code).toBe(0);
  expect(result.lastLine).toMatch(/^\d+$/);
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: Number(result.lastLine) }, include: { teams: { include: { team: true } } } });
  expect(user).toMatchObject({ email: "lead@example.com", role: "team_lead" });
  expect(user.teams.map((t) => t.team.externalId)).toEqual(["billing"]);
}, 60_000);

test("users create names the bad option and stores nothing", async () => {
  const before = await db.prisma.user.count();
  const badRole = await cli("users", "create", "--email", "x@example.com", "--password", "long-enough", "--role", "boss");
  expect(badRole.code).toBe(1);
  expect(badRole.stderr).toMatch(/--role/);
  const badTeam = await cli("users", "create", "--email", "x@example.com", "--password", "long-enough", "--role", "team_lead", "--team", "nope");
  expect(badTeam.code).toBe(1);
  expect(badTeam.stderr).toMatch(/--team: unknown team nope/);
  expect(await db.prisma.user.count()).toBe(before);
}, 60_000);

test("screens create prints the screen's secret path and stores only its hash", async () => {
  const result = await cli("screens", "create", "--name", "Floor 2", "--dashboard", "overview", "--rotate", "45");
  expect(result.code).toBe(0);
  expect(result.lastLine).toMatch(/^\/tv\/dps_[A-Za-z0-9_-]{43}$/);
  const screen = await db.prisma.screen.findFirstOrThrow({ where: { name: "Floor 2" }, include: { dashboards: true } });
  expect(screen.rotateSeconds).toBe(45);
  expect(screen.dashboards).toHaveLength(1);
  expect(screen.tokenHash).not.toContain(result.lastLine.slice(4));
  const unknown = await cli("screens", "create", "--name", "Floor 3", "--dashboard", "nope");
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/unknown dashboard nope/);
}, 60_000);

test("screens create with --competition shows the competition after the dashboards; an unknown one is refused", async () => {
  const competition = await db.prisma.competition.create({
    data: { name: "Sprint", kpiKey: "tickets_solved", participantKind: "team", participants: ["billing"], startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000) },
  });
  const result = await cli("screens", "create", "--name", "Floor 4", "--competition", String(competition.id), "--dashboard", "overview");
  expect(result.code).toBe(0);
  const screen = await db.prisma.screen.findFirstOrThrow({ where: { name: "Floor 4" }, include: { dashboards: { orderBy: { position: "asc" } } } });
  expect(screen.dashboards.map((s) => [s.dashboardId !== null, s.competitionId])).toEqual([[true, null], [false, competition.id]]);
  const unknown = await cli("screens", "create", "--name", "Floor 5", "--competition", "999999");
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/unknown competition 999999/);
}, 60_000);

test("import streams a Technion file through the preset: errors on stderr by line, the stored count last, exit 1", async () => {
  const fixture = path.join(ROOT, "lib/import/fixtures/technion-monthly-merged-row.txt");
  const result = await cli("import", "--kind", "calls", "--preset", "technion", fixture);
  expect(result.code).toBe(1);
  expect(result.lastLine).toBe("3");
  expect(result.stderr).toMatch(/^line 6: date: "991331" is not a date/m);
  expect(await db.prisma.call.count({ where: { externalId: { startsWith: "bank-1999-10-01-" } } })).toBe(3);
  const wrongKind = await cli("import", "--kind", "tickets", "--preset", "technion", fixture);
  expect(wrongKind.code).toBe(1);
  expect(wrongKind.stderr).toMatch(/--kind: the technion preset imports calls/);
}, 60_000);

test("kpis create prints the new key; a wrong formula is refused with its place", async () => {
  const created = await cli("kpis", "create", "--name", "Solved per created", "--formula", "tickets_solved / ticket_volume", "--unit", "number", "--direction", "higher");
  expect(created).toMatchObject({ code: 0, lastLine: "custom_solved_per_created" });
  expect(await loadCustomKpiVersion(db.prisma, "custom_solved_per_created")).toMatchObject({ version: 1, unit: "number", direction: "higher", canonical: "tickets_solved / ticket_volume" });

  const refused = await cli("kpis", "create", "--name", "Typo", "--formula", "count(tickets by created where prority = urgent)");
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("--formula: 1:32: unknown field");
  expect((await cli("kpis", "create", "--name", "No unit", "--formula", "count(tickets by created)", "--unit", "apples")).stderr).toContain("--unit: must be one of");
}, 120_000);
