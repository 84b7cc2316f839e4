// npm run bench:event-loop [-- --tickets 100000] [--data-dir DIR] — how long the server's own
// thread stalls while the embedded database (an on-disk PGlite) works: the event-loop delay
// (perf_hooks.monitorEventLoopDelay) p99 and max during ingests of 1,000 mixed records into
// rolled-up hours, and during a full rebuild of every KPI rollup; and, alongside each, the latency
// of the default dashboard's KPIs over the last 30 days, asked for again and again as a dashboard
// would. Every request the server handles (a cached snapshot too) waits out the event-loop delay.
// --data-dir keeps the seeded database for another run (it is seeded only when empty).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";

import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open-database";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { IngestBatch } from "@/lib/ingest/record-schemas";
import type { KpiKey } from "@/lib/kpi/catalog";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING } from "@/lib/kpi/kpi-query";
import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";
import { presetWindow } from "@/lib/kpi/time-windows";

const { values } = parseArgs({ options: { tickets: { type: "string" }, "data-dir": { type: "string" } } });
const TICKETS = Number(values.tickets ?? 100_000);
const TZ = "Europe/Copenhagen";
const INGESTS = 6;
const DASHBOARD_KPIS: KpiKey[] = ["ticket_volume", "first_response_time", "avg_resolution_time", "csat", "service_level", "backlog"];

/** 1,000 records (tickets with two messages each, calls, surveys) in an hour `hoursAgo` back. */
function makeBatch(round: number, hoursAgo: number): IngestBatch {
  const base = Date.now() - hoursAgo * 3_600_000;
  const iso = (offset: number) => new Date(base + offset * 1000).toISOString();
  const batch: Required<Pick<IngestBatch, "tickets" | "messages" | "calls" | "surveys">> = { tickets: [], messages: [], calls: [], surveys: [] };
  for (let i = 0; i < 300; i++) {
    const id = `EL${round}-${i}`;
    batch.tickets.push({ externalId: id, channel: "email", team: `team-${i % 6}`, status: "solved", createdAt: iso(i), firstResponseAt: iso(i + 600), resolvedAt: iso(i + 2400) });
    batch.messages.push({ externalId: `${id}-m1`, ticket: id, author: "customer", createdAt: iso(i) });
    batch.messages.push({ externalId: `${id}-m2`, ticket: id, author: "agent", agent: `agent-${i % 50}`, createdAt: iso(i + 600) });
  }
  for (let i = 0; i < 100; i++) {
    batch.calls.push({ externalId: `ELC${round}-${i}`, queue: `q-${i % 4}`, queuedAt: iso(i), answeredAt: iso(i + 20), endedAt: iso(i + 300), talkSeconds: 270 });
    batch.surveys.push({ externalId: `ELS${round}-${i}`, kind: "csat", score: 1 + (i % 5), respondedAt: iso(i) });
  }
  return batch;
}

const ms = (nanoseconds: number) => `${(nanoseconds / 1e6).toFixed(0).padStart(6)} ms`;

/**
 * Runs `work` while sampling the event loop and, unless `askKpis` is null, asking for the
 * dashboard's KPIs in a loop. The histogram records a delay only when its timer gets to run, so a
 * loop blocked from start to end shows none: the longest gap between two ticks of a 10 ms timer
 * (the last one running to the end of the work) is printed beside it.
 */
async function watch(label: string, work: () => Promise<unknown>, askKpis: (() => Promise<unknown>) | null) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const kpiLatencies: number[] = [];
  let lastTick = performance.now();
  let longestStall = 0;
  const ticker = setInterval(() => {
    const tick = performance.now();
    longestStall = Math.max(longestStall, tick - lastTick);
    lastTick = tick;
  }, 10);
  let working = askKpis !== null;
  const asking = (async () => {
    while (working && askKpis) {
      const started = performance.now();
      await askKpis();
      kpiLatencies.push(performance.now() - started);
      await sleep(50);
    }
  })();
  delay.enable();
  const started = performance.now();
  await work();
  const elapsed = performance.now() - started;
  clearInterval(ticker);
  longestStall = Math.max(longestStall, performance.now() - lastTick);
  delay.disable();
  working = false;
  await asking;
  kpiLatencies.sort((a, b) => a - b);
  const kpiMedian = kpiLatencies[Math.floor(kpiLatencies.length / 2)] ?? 0;
  const kpiMax = kpiLatencies.at(-1) ?? 0;
  console.log(
    `${label.padEnd(32)} ${elapsed.toFixed(0).padStart(6)} ms of work   event-loop delay p99 ${ms(delay.percentile(99))}  max ${ms(delay.max)}` +
      `   longest stall ${longestStall.toFixed(0).padStart(5)} ms` +
      (askKpis ? `   KPI calls meanwhile: ${kpiLatencies.length}, p50 ${kpiMedian.toFixed(0)} ms, max ${kpiMax.toFixed(0)} ms` : ""),
  );
}

const dir = values["data-dir"] ?? fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-bench-"));
const db = await openDatabase({ kind: "pglite", dataDir: dir });
try {
  await db.withConnection((c) => migrate(c));
  const seeded = await seedDemoIfEmpty(db.prisma, { tickets: TICKETS, timeZone: TZ });
  if (seeded.seeded) console.log(`seeded ${seeded.tickets.toLocaleString("en-US")} tickets into ${dir}`);
  await refreshRollups(db.prisma);
  await db.prisma.$executeRaw`ANALYZE`;
  const now = new Date();
  const last30 = presetWindow("last_30_days", now, TZ);
  const askKpis = () =>
    getKpiSnapshot(db.prisma, DASHBOARD_KPIS, { ...last30, timeZone: TZ, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping: NO_GROUPING });
  await askKpis();
  await watch("nothing else", () => sleep(3_000), askKpis);
  const round = Date.now();
  await watch(`${INGESTS} ingests of 1,000`, async () => {
    for (let i = 0; i < INGESTS; i++) await ingestBatch(db.prisma, makeBatch(round + i, 3 + i));
  }, askKpis);
  const rebuild = async () => {
    await db.prisma.$executeRaw`UPDATE rollup_state SET rolled_until = NULL`;
    await refreshRollups(db.prisma);
  };
  await watch("full rollup rebuild, alone", rebuild, null);
  await watch("full rollup rebuild, KPI calls", rebuild, askKpis);
} finally {
  await db.close();
  if (!values["data-dir"]) fs.rmSync(dir, { recursive: true, force: true });
}
