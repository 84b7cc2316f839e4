// tsx bench/dashboard-profile.ts --url postgresql://… [--runs 10] — the whole default dashboard
// against a seeded database: p50/p95 of loadDashboardSnapshot, and the statements one load sends.
import { parseArgs } from "node:util";

import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open-database";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { getDefaultDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { SnapshotCache } from "@/lib/dashboards/snapshot-cache";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import pg from "pg";
import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";

const { values } = parseArgs({ options: { url: { type: "string" }, runs: { type: "string" }, statements: { type: "boolean" }, explain: { type: "boolean" } } });
const RUNS = Number(values.runs ?? 10);

const timings: { sql: string; ms: number; statement: Prisma.Sql }[] = [];
function timingClient(real: PrismaClient): PrismaClient {
  return new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== "$queryRaw" || typeof value !== "function") return value;
      return async (strings: TemplateStringsArray, ...args: unknown[]) => {
        const started = performance.now();
        const result = await value.call(target, strings, ...args);
        const ms = performance.now() - started;
        timings.push({ sql: strings.join("?").replace(/\s+/g, " ").slice(0, 90), ms, statement: Prisma.sql(strings, ...args) });
        return result;
      };
    },
  });
}

const db = await openDatabase({ kind: "postgres", url: values.url! });
try {
  await db.withConnection((c) => migrate(c));
  await refreshRollups(db.prisma);
  await ensureDefaultDashboard(db.prisma);
  const dashboard = (await getDefaultDashboard(db.prisma))!;
  const prisma = values.statements ? timingClient(db.prisma) : db.prisma;
  const load = () => loadDashboardSnapshot(prisma, dashboard, { ...NO_DASHBOARD_FILTERS, preset: "last_30_days" }, { kind: "all" }, new SnapshotCache());
  await load();
  timings.length = 0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await load();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!.toFixed(1);
  console.log(`whole default dashboard: p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  (${RUNS} runs)`);
  if (values.statements) {
    const perRun = timings.length / RUNS;
    console.log(`${perRun} $queryRaw statements per load`);
    // One at a time through a bare connection: what each statement costs on its own (best of 3).
    const client = new pg.Client({ connectionString: values.url });
    await client.connect();
    let total = 0;
    for (const t of timings.slice(0, perRun)) {
      const costs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await client.query(t.statement.text, t.statement.values);
        costs.push(performance.now() - started);
      }
      total += Math.min(...costs);
      t.ms = Math.min(...costs);
      console.log(`  ${Math.min(...costs).toFixed(1).padStart(7)} ms alone  ${t.sql}`);
    }
    console.log(`  ${total.toFixed(1)} ms in all, one after another`);
    if (values.explain) {
      const slowest = timings.slice(0, perRun).reduce((a, b) => (a.ms > b.ms ? a : b));
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.statement.text}`, slowest.statement.values);
      console.log(slowest.statement.text.slice(0, 3000), slowest.statement.values.slice(0, 10));
      for (const row of plan.rows) console.log(String(row["QUERY PLAN"]));
    }
    await client.end();
  }
} finally {
  await db.close();
}
