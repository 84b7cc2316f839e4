// npm run bench:ingest [-- --tickets 1000000] [--url postgresql://…] — records per second through
// validation + ingestBatch, for batches of 1,000 and 5,000 mixed records, on a throw-away Postgres
// cluster and on an on-disk PGlite, or only on the database at --url. With --tickets the database
// first holds that many demo tickets (seeded if empty), so the upserts meet large tables and
// indexes. The KPI rollups are switched on first and every record lands in an hour already rolled
// up (a backfill), so each batch pays for marking those hours changed: the dearer case; live data
// is newer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { migrate } from "@/lib/db/migrate";
import { openDatabase, type Database, type DatabaseTarget } from "@/lib/db/open-database";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";
import { parseIngestBatch, type IngestBatch } from "@/lib/ingest/record-schemas";
import { startThrowawayPostgres } from "@/lib/testing/throwaway-postgres";

const { values } = parseArgs({ options: { tickets: { type: "string" }, url: { type: "string" } } });
const TICKETS = Number(values.tickets ?? 0);
const ROUNDS = 8;

/** A realistic mix: per ticket two messages, and calls and surveys alongside. */
function makeBatch(size: number, round: number): IngestBatch {
  const tickets = Math.round(size * 0.3);
  const base = Date.parse("2026-06-01T08:00:00Z") + round * 3_600_000;
  const iso = (offset: number) => new Date(base + offset * 1000).toISOString();
  const batch: Required<Pick<IngestBatch, "tickets" | "messages" | "calls" | "surveys">> = { tickets: [], messages: [], calls: [], surveys: [] };
  for (let i = 0; i < tickets; i++) {
    const id = `B${round}-${size}-${i}`;
    batch.tickets.push({
      externalId: id, channel: "email", team: `team-${i % 6}`, assignee: `agent-${i % 50}`, status: "solved",
      createdAt: iso(i), firstResponseAt: iso(i + 600), resolvedAt: iso(i + 7200), reopens: 0,
    });
    batch.messages.push({ externalId: `${id}-m1`, ticket: id, author: "customer", createdAt: iso(i) });
    batch.messages.push({ externalId: `${id}-m2`, ticket: id, author: "agent", agent: `agent-${i % 50}`, createdAt: iso(i + 600) });
  }
  for (let i = 0; batch.tickets.length + batch.messages.length + batch.calls.length + batch.surveys.length < size; i++) {
    if (i % 3 === 2) {
      batch.surveys.push({ externalId: `S${round}-${size}-${i}`, kind: "csat", score: 1 + (i % 5), respondedAt: iso(i), agent: `agent-${i % 50}` });
    } else {
      batch.calls.push({
        externalId: `C${round}-${size}-${i}`, queue: `q-${i % 4}`, agent: `agent-${i % 50}`, queuedAt: iso(i), answeredAt: iso(i + 20),
        endedAt: iso(i + 300), talkSeconds: 270, holdSeconds: 10, wrapUpSeconds: 30,
      });
    }
  }
  return batch;
}

async function measure(db: Database, size: number): Promise<number> {
  await ingestBatch(db.prisma, parseOrThrow(makeBatch(size, 999))); // warm-up
  const bodies = Array.from({ length: ROUNDS }, (_, round) => JSON.stringify(makeBatch(size, round)));
  const started = performance.now();
  for (const body of bodies) await ingestBatch(db.prisma, parseOrThrow(JSON.parse(body)));
  return (size * ROUNDS) / ((performance.now() - started) / 1000);
}

function parseOrThrow(body: unknown) {
  const parsed = parseIngestBatch(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 2)));
  return parsed.batch;
}

async function run(label: string, target: DatabaseTarget) {
  const db = await openDatabase(target);
  try {
    await db.withConnection((c) => migrate(c));
    if (TICKETS > 0) {
      await seedDemoIfEmpty(db.prisma, { tickets: TICKETS });
      console.log(`${label}: ${(await db.prisma.ticket.count()).toLocaleString("en-US")} tickets in the database`);
    }
    await refreshRollups(db.prisma);
    for (const size of [1_000, 5_000]) {
      const rate = await measure(db, size);
      console.log(`${label.padEnd(9)} batch ${String(size).padStart(5)}: ${Math.round(rate).toLocaleString("en-US").padStart(7)} records/s`);
    }
  } finally {
    await db.close();
  }
}

if (values.url) {
  await run("postgres", { kind: "postgres", url: values.url });
} else {
  const postgres = await startThrowawayPostgres();
  try {
    await run("postgres", { kind: "postgres", url: postgres.url });
  } finally {
    postgres.stop();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-bench-"));
  try {
    await run("pglite", { kind: "pglite", dataDir: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
