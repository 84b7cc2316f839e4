// npm run bench:kpis [-- --tickets 1000000] — latency of KPI snapshots on demo data, on a throw-away
// Postgres cluster and on an on-disk PGlite: (a) every KPI over the last 30 days, (b) the same
// broken down by agent, (c) a 90-day daily series; and (a) against the bare SQL it runs; (d) the
// ticket durations on the calendar and in business hours, (e) the SLA KPIs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { migrate } from "@/lib/db/migrate";
import { openDatabase, type Database, type DatabaseTarget } from "@/lib/db/open-database";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { KPI_KEYS } from "@/lib/kpi/catalog";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "@/lib/kpi/kpi-query";
import { presetWindow, timeBuckets } from "@/lib/kpi/time-windows";
import { startThrowawayPostgres } from "@/lib/testing/throwaway-postgres";

const { values } = parseArgs({ options: { tickets: { type: "string" }, runs: { type: "string" }, only: { type: "string" } } });
const TICKETS = Number(values.tickets ?? 1_000_000);
const RUNS = Number(values.runs ?? 20);
const TZ = "Europe/Copenhagen";

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 0.5);
  console.log(`  ${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 0.95).toFixed(1).padStart(7)} ms`);
  return p50;
}

/** Captures the statements getKpiSnapshot sends, to replay them without Prisma. */
function capturingClient(real: PrismaClient, captured: Prisma.Sql[]): PrismaClient {
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === "$queryRaw") {
        return (strings: TemplateStringsArray, ...args: unknown[]) => {
          captured.push(Prisma.sql(strings, ...args));
          return Reflect.get(target, prop, receiver).call(target, strings, ...args);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

async function run(label: string, target: DatabaseTarget, url?: string) {
  const db: Database = await openDatabase(target);
  try {
    await db.withConnection((c) => migrate(c));
    const seedStarted = performance.now();
    const seeded = await seedDemoIfEmpty(db.prisma, { tickets: TICKETS, timeZone: TZ });
    console.log(`${label}: ${seeded.tickets.toLocaleString("en-US")} tickets, ${seeded.messages.toLocaleString("en-US")} messages, ` +
      `${seeded.calls.toLocaleString("en-US")} calls seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
    const now = new Date();
    const last30 = presetWindow("last_30_days", now, TZ);
    const last90 = { from: presetWindow("today", new Date(now.getTime() - 89 * 86_400_000), TZ).from, to: last30.to };
    const q = (window: { from: Date; to: Date }, grouping: KpiGrouping): KpiQuery => ({
      ...window, timeZone: TZ, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping,
    });
    const a = await time(`(a) all ${KPI_KEYS.length} KPIs, last 30 days`, () => getKpiSnapshot(db.prisma, KPI_KEYS, q(last30, NO_GROUPING)));
    await time("(b) the same by agent", () => getKpiSnapshot(db.prisma, KPI_KEYS, q(last30, { by: "agent" })));
    await time("(c) 90-day daily series, all KPIs", () =>
      getKpiSnapshot(db.prisma, KPI_KEYS, q(last90, { by: "time", buckets: timeBuckets(last90, "day", TZ) })));
    // The cost of business time: the ticket durations on the calendar, then inside business hours.
    const durations = ["first_response_time", "avg_resolution_time", "avg_reply_time"] as const;
    await time("(d) FRT, ART, reply time, 30 days, calendar", () => getKpiSnapshot(db.prisma, durations, q(last30, NO_GROUPING)));
    await time("(d) the same in business hours", () => getKpiSnapshot(db.prisma, durations, { ...q(last30, NO_GROUPING), hours: "business" }));
    await time("(e) SLA first response and resolution, 30 days", () =>
      getKpiSnapshot(db.prisma, ["sla_first_response", "sla_resolution"], q(last30, NO_GROUPING)));

    if (url) {
      const captured: Prisma.Sql[] = [];
      await getKpiSnapshot(capturingClient(db.prisma, captured), KPI_KEYS, q(last30, NO_GROUPING));
      // A pool like Prisma's, so the families run in parallel in both measurements.
      const client = new pg.Pool({ connectionString: url, max: 10 });
      const bare = await time("(a) as bare SQL through pg", () => Promise.all(captured.map((s) => client.query(s.text, s.values))));
      console.log(`  (a) / bare SQL = ${(a / bare).toFixed(2)}`);
      const ticketSql = captured.find((s) => s.text.includes("WITH created AS"))!;
      const plan = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${ticketSql.text}`, ticketSql.values);
      console.log("  EXPLAIN ANALYZE of the ticket family statement (first lines):");
      for (const row of plan.rows.slice(0, 14)) console.log(`    ${row["QUERY PLAN"]}`);
      await client.end();
    }
  } finally {
    await db.close();
  }
}

if (values.only !== "pglite") {
  const postgres = await startThrowawayPostgres();
  try {
    await run("postgres", { kind: "postgres", url: postgres.url }, postgres.url);
  } finally {
    postgres.stop();
  }
}
if (values.only !== "postgres") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-bench-"));
  try {
    await run("pglite", { kind: "pglite", dataDir: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
