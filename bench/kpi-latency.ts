// npm run bench:kpis [-- --tickets 1000000] [--url postgresql://…] [--keep-rollups] — latency of KPI snapshots on
// demo data, on a throw-away Postgres cluster (or the database at --url, seeded if empty) and on an
// on-disk PGlite: (a) the default dashboard's KPI set over the last 30 days as the dashboard asks
// for it (means, from the rollups), against the bare SQL it runs (timed turn about with it) and
// against reading raw rows only, and the whole default dashboard over the same 30 days (numbers,
// previous window, sparklines, series, leaderboards); (b) the KPI set broken down by agent, (c) a
// 90-day daily series; (d) every KPI with median and p90, as the API answers; (e) the ticket
// durations on the calendar and in business hours, and (f) the SLA KPIs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { migrate } from "@/lib/db/migrate";
import { openDatabase, type Database, type DatabaseTarget } from "@/lib/db/open-database";
import { ensureDefaultDashboard, SERVICE_OVERVIEW } from "@/lib/dashboards/default-dashboard";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { getDefaultDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { SnapshotCache } from "@/lib/dashboards/snapshot-cache";
import { ZWidgetConfig } from "@/lib/dashboards/widget-config";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { KPI_KEYS, type KpiKey } from "@/lib/kpi/catalog";
import { checkFormula } from "@/lib/kpi/custom/check-formula";
import { computeCustomKpi } from "@/lib/kpi/custom/compute-custom-kpi";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "@/lib/kpi/kpi-query";
import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";
import { presetWindow, timeBuckets } from "@/lib/kpi/time-windows";
import { startThrowawayPostgres } from "@/lib/testing/throwaway-postgres";

const { values } = parseArgs({
  options: { tickets: { type: "string" }, runs: { type: "string" }, only: { type: "string" }, url: { type: "string" }, "keep-rollups": { type: "boolean" } },
});
const TICKETS = Number(values.tickets ?? 1_000_000);
const RUNS = Number(values.runs ?? 20);
const SLOW_RUNS = Math.min(RUNS, 5);
/** A built-in KPI and a custom formula a support lead would write over the same family. */
const CUSTOM_PAIRS: [KpiKey, string][] = [
  ["ticket_volume", "share(tickets by created, channel = chat and priority in (high, urgent))"],
  ["tickets_solved", "count(tickets by solved where reopens >= 2)"],
  ["first_response_time", "share(tickets by first_answered, business first_response <= 10m)"],
  ["service_level", "count(calls where answered and answer_wait <= 30s) / count(calls where offered)"],
  ["csat", "share(surveys where kind = csat and channel = chat, score >= 4)"],
];
const TZ = "Europe/Copenhagen";

/** What the default dashboard ("Service overview") shows, live queue included. */
const DASHBOARD_KPIS: KpiKey[] = [...new Set(SERVICE_OVERVIEW.flatMap(({ config: input }): KpiKey[] => {
  // The default dashboard shows built-ins only.
  const config = ZWidgetConfig.parse(input);
  if (config.kind === "time_series") return config.kpis as KpiKey[];
  if (config.kind === "live_queue") return ["agents_available", "calls_waiting", "longest_wait"];
  return "kpi" in config ? [config.kpi as KpiKey] : [];
}))];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function report(label: string, samples: number[]): number {
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 0.5);
  console.log(`  ${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 0.95).toFixed(1).padStart(7)} ms`);
  return p50;
}

/**
 * p50 of each of `fns`, timed turn about (one run of each, then the next round), so background
 * work (autovacuum after the seed) weighs on all of them alike; the first round warms up.
 * `runs` defaults to --runs; the statements that read whole windows of raw rows take fewer.
 */
async function timeTogether(fns: [string, () => Promise<unknown>][], runs = RUNS): Promise<number[]> {
  for (const [, fn] of fns) await fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, [, fn]] of fns.entries()) {
      const started = performance.now();
      await fn();
      samples[k]!.push(performance.now() - started);
    }
  }
  return fns.map(([label], k) => report(label, samples[k]!));
}

const time = async (label: string, fn: () => Promise<unknown>, runs = RUNS) => (await timeTogether([[label, fn]], runs))[0]!;

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
    // Seeding rolls up; this times rolling up the whole history again from nothing (with
    // --keep-rollups only what a refresh would do now, for a quicker run on a large database).
    if (!values["keep-rollups"]) await db.prisma.$executeRaw`UPDATE rollup_state SET rolled_until = NULL`;
    const rollupStarted = performance.now();
    const refreshed = await refreshRollups(db.prisma);
    console.log(`  rollups ${values["keep-rollups"] ? "refreshed" : "rebuilt from the raw rows"} in ${((performance.now() - rollupStarted) / 1000).toFixed(1)} s ` +
      `(${refreshed.map((r) => `${r.family} ${r.hours} h`).join(", ")})`);
    const now = new Date();
    const last30 = presetWindow("last_30_days", now, TZ);
    const last90 = { from: presetWindow("today", new Date(now.getTime() - 89 * 86_400_000), TZ).from, to: last30.to };
    const q = (window: { from: Date; to: Date }, grouping: KpiGrouping): KpiQuery => ({
      ...window, timeZone: TZ, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping, percentiles: false,
    });
    console.log(`  default dashboard KPI set: ${DASHBOARD_KPIS.join(", ")}`);
    const snapshotA = () => getKpiSnapshot(db.prisma, DASHBOARD_KPIS, q(last30, NO_GROUPING));
    // The same statements without Prisma: the rollup state first, then the families at once, as
    // getKpiSnapshot sends them, through a pool like Prisma's (PGlite: its one connection).
    const captured: Prisma.Sql[] = [];
    await getKpiSnapshot(capturingClient(db.prisma, captured), DASHBOARD_KPIS, q(last30, NO_GROUPING));
    const pool = url ? new pg.Pool({ connectionString: url, max: 10 }) : null;
    const bareQuery = (statement: Prisma.Sql) =>
      pool ? pool.query(statement.text, statement.values) : db.withConnection((c) => c.query(statement.text, statement.values));
    const [state, ...families] = captured;
    const bareA = async () => {
      await bareQuery(state!);
      await Promise.all(families.map(bareQuery));
    };
    const [a, bare] = await timeTogether([["(a) dashboard set, last 30 days", snapshotA], ["(a) as bare SQL", bareA]]);
    console.log(`  (a) / bare SQL = ${(a! / bare!).toFixed(2)}`);
    await time("(a) the same from raw rows only", () => getKpiSnapshot(db.prisma, DASHBOARD_KPIS, { ...q(last30, NO_GROUPING), rollups: {} }), SLOW_RUNS);
    await ensureDefaultDashboard(db.prisma);
    const dashboard = (await getDefaultDashboard(db.prisma))!;
    await time("(a) whole default dashboard, last 30 days", () =>
      loadDashboardSnapshot(db.prisma, dashboard, { ...NO_DASHBOARD_FILTERS, preset: "last_30_days" }, { kind: "all" }, new SnapshotCache()));
    await time("(b) dashboard set by agent", () => getKpiSnapshot(db.prisma, DASHBOARD_KPIS, q(last30, { by: "agent" })));
    await time("(c) 90-day daily series, dashboard set", () =>
      getKpiSnapshot(db.prisma, DASHBOARD_KPIS, q(last90, { by: "time", buckets: timeBuckets(last90, "day", TZ) })));
    await time(`(d) all ${KPI_KEYS.length} KPIs with median and p90`, () =>
      getKpiSnapshot(db.prisma, KPI_KEYS, { ...q(last30, NO_GROUPING), percentiles: true }));
    // The cost of business time: the ticket durations on the calendar, then inside business hours.
    const durations = ["first_response_time", "avg_resolution_time", "avg_reply_time"] as const;
    await time("(e) FRT, ART, reply time, 30 days, calendar", () => getKpiSnapshot(db.prisma, durations, q(last30, NO_GROUPING)));
    await time("(e) the same in business hours", () => getKpiSnapshot(db.prisma, durations, { ...q(last30, NO_GROUPING), hours: "business" }));
    await time("(f) SLA first response and resolution, 30 days", () =>
      getKpiSnapshot(db.prisma, ["sla_first_response", "sla_resolution"], q(last30, NO_GROUPING)));
    // A custom KPI costs at most twice the built-in of its family (issue 21): pairs over 30 days.
    for (const [builtIn, formula] of CUSTOM_PAIRS) {
      const checked = checkFormula(formula);
      if (!checked.ok) throw new Error(`${formula}: ${checked.error.message}`);
      const [b, c] = await timeTogether([
        [`(g) built-in ${builtIn}, 30 days`, () => getKpiSnapshot(db.prisma, [builtIn], q(last30, NO_GROUPING))],
        [`(g) custom ${formula}`, () => computeCustomKpi(db.prisma, checked.value, q(last30, NO_GROUPING))],
      ]);
      console.log(`  (g) custom / built-in = ${(c! / b!).toFixed(2)}`);
    }

    if (pool) {
      for (const statement of families) {
        const plan = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.text}`, statement.values);
        const lines = plan.rows.map((row) => String(row["QUERY PLAN"]));
        console.log(`  EXPLAIN ANALYZE ${statement.text.trim().slice(0, 60).replace(/\s+/g, " ")}…: ${lines.at(-1)}`);
      }
      await pool.end();
    }
  } finally {
    await db.close();
  }
}

if (values.url) {
  await run("postgres", { kind: "postgres", url: values.url }, values.url);
} else if (values.only !== "pglite") {
  const postgres = await startThrowawayPostgres();
  try {
    await run("postgres", { kind: "postgres", url: postgres.url }, postgres.url);
  } finally {
    postgres.stop();
  }
}
if (values.only !== "postgres" && !values.url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-bench-"));
  try {
    await run("pglite", { kind: "pglite", dataDir: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
