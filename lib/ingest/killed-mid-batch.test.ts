import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, expect, test } from "vitest";

import { migrate } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { ingestBatch } from "./ingest-batch";
import { parseIngestBatch } from "./record-schemas";

// A server killed (SIGKILL: no handler, no cleanup) while a batch's transaction is half done, after
// its teams, agents, tickets and messages are written and while its calls are: nothing of that
// batch may be stored. A trigger holds the calls statement long enough for the kill to land there.

const T0 = "2026-04-01T09:00:00Z";
const CHILD = path.resolve(import.meta.dirname, "ingest-until-killed.ts");
// `node --import tsx`, not the tsx command, which runs the script in a grandchild the kill would miss.
const NODE_ARGS = ["--import", "tsx"];
const APPLICATION = "deskpulse-killed-mid-batch";

const batch = {
  teams: [{ externalId: "billing", name: "Billing" }],
  agents: [{ externalId: "ann", name: "Ann", team: "billing" }],
  tickets: Array.from({ length: 200 }, (_, i) => ({ externalId: `T-${i}`, channel: "email", status: "open", createdAt: T0, assignee: "ann" })),
  messages: Array.from({ length: 200 }, (_, i) => ({ externalId: `M-${i}`, ticket: `T-${i}`, author: "customer", createdAt: T0 })),
  calls: [{ externalId: "C-1", queue: "line-1", queuedAt: T0 }],
};

const STALL_CALLS = `
  CREATE FUNCTION stall_calls() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(5); RETURN NULL; END $$;
  CREATE TRIGGER calls_stall AFTER INSERT ON calls FOR EACH STATEMENT EXECUTE FUNCTION stall_calls();`;

/** Runs the child on `target`, kills it with SIGKILL as it sends the calls statement; what it printed. */
function ingestAndKill(target: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, CHILD, target], { stdio: ["pipe", "pipe", "pipe"] });
    const lines: string[] = [];
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (data: string) => {
      lines.push(...data.split("\n").filter(Boolean));
      if (lines.includes("calls")) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (data: string) => (stderr += data));
    child.on("error", reject);
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(lines) : reject(new Error(`child exited ${code}: ${stderr}`))));
    child.stdin.end(JSON.stringify(batch));
  });
}

function validBatch(body: unknown) {
  const parsed = parseIngestBatch(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.batch;
}

describeEachDatabase("a server killed mid-batch", ({ kind, db }) => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test("stores nothing of the batch; what was stored before stays", async () => {
    let target: string;
    let reopen: () => Promise<Database>;
    const earlier = validBatch({ tickets: [{ externalId: "T-0", channel: "chat", status: "new", createdAt: T0 }] });
    if (kind === "postgres") {
      const url = new URL(db().url!);
      url.searchParams.set("application_name", APPLICATION);
      target = url.toString();
      await ingestBatch(db().prisma, earlier);
      await db().prisma.$executeRawUnsafe(`DO $do$ BEGIN EXECUTE $sql$${STALL_CALLS}$sql$; END $do$`);
      reopen = async () => db();
    } else {
      // The embedded database in a folder, as the server runs it; the child takes it over.
      target = fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-killed-"));
      dirs.push(target);
      const setup = await openDatabase({ kind: "pglite", dataDir: target });
      await setup.withConnection(async (connection) => {
        await migrate(connection);
        await connection.exec(STALL_CALLS);
      });
      await ingestBatch(setup.prisma, earlier);
      await setup.close();
      reopen = () => openDatabase({ kind: "pglite", dataDir: target });
    }

    const printed = await ingestAndKill(target);
    expect(printed).toEqual(expect.arrayContaining(["tickets", "messages", "calls"]));
    expect(printed).not.toContain("committed");

    if (kind === "postgres") {
      // The server ends the dead client's session (and rolls back) once the stalled statement returns.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [row] = await db().prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${APPLICATION}`;
        if (row!.n === 0) break;
        if (Date.now() > deadline) throw new Error("the killed client's session is still there");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const after = await reopen();
    try {
      const data = await snapshotRecords(after.prisma);
      expect(data.tickets).toEqual([expect.objectContaining({ external_id: "T-0" })]);
      expect({ teams: data.teams, agents: data.agents, queues: data.queues, messages: data.messages, calls: data.calls }).toEqual({
        teams: [],
        agents: [],
        queues: [],
        messages: [],
        calls: [],
      });
    } finally {
      if (after !== db()) await after.close();
    }
  }, 180_000);
});
