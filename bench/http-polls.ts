// npm run bench:http [-- --tickets 1000000] [--url postgresql://…] [--seconds 10] [--viewers 1,10,50,200]
// — the production server (`npm start`, after `npm run build`) on Postgres, driven over HTTP by
// autocannon as dashboards and wall screens poll it: a cached hit (200), a 304, and a miss, each
// with 1/10/50/200 concurrent viewers, next to GET /api/health as the floor. For each step it prints
// requests/s, latency p50/p95/p99, the server's CPU per request and peak RSS, and database
// transactions per request (pg_stat_database.xact_commit before and after the step, once the
// server's connections have reported their counts). A dashboard miss is a poll with a filter set
// no one asked for yet (a custom range of its own); a TV miss is a poll after an ingest batch, one
// of which is posted every second during the step, as a live help desk does.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";

import autocannon from "autocannon";
import pg from "pg";

import { createApiKey } from "@/lib/auth/api-keys";
import { createScreen } from "@/lib/auth/screen-tokens";
import { createUser } from "@/lib/auth/users";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open-database";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { startThrowawayPostgres } from "@/lib/testing/throwaway-postgres";

const { values } = parseArgs({
  options: {
    tickets: { type: "string" },
    url: { type: "string" },
    seconds: { type: "string" },
    viewers: { type: "string" },
    port: { type: "string" },
    settle: { type: "string" },
  },
});
const TICKETS = Number(values.tickets ?? 1_000_000);
const SECONDS = Number(values.seconds ?? 10);
const VIEWERS = (values.viewers ?? "1,10,50,200").split(",").map(Number);
const PORT = Number(values.port ?? 3197);
// An idle Postgres backend reports its transaction counts within 10 s (PGSTAT_IDLE_INTERVAL).
const SETTLE_SECONDS = Number(values.settle ?? 11);
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench-manager@example.com";
const PASSWORD = "bench-password-123";

interface Step {
  name: string;
  /** Runs before the step (a 304 step reads the current ETag). */
  prepare?: () => Promise<void>;
  /** Request paths and headers for the n-th request of the step. */
  request: (n: number) => { path: string; headers?: Record<string, string> };
  /** Runs alongside the step (the TV miss posts ingest batches). */
  during?: () => () => void;
}

interface Fixtures {
  cookie: string;
  screenToken: string;
  ingestKey: string;
}

async function prepareDatabase(url: string): Promise<Omit<Fixtures, "cookie">> {
  const db = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  try {
    await db.withConnection((connection) => migrate(connection));
    const started = performance.now();
    await seedDemoIfEmpty(db.prisma, { tickets: TICKETS });
    console.log(`database: ${(await db.prisma.ticket.count()).toLocaleString("en-US")} tickets (${((performance.now() - started) / 1000).toFixed(0)} s to seed or open)`);
    await ensureDefaultDashboard(db.prisma);
    if (!(await db.prisma.user.findUnique({ where: { email: EMAIL } }))) await createUser(db.prisma, { email: EMAIL, role: "manager", password: PASSWORD });
    const screen = await createScreen(db.prisma, { name: "Bench wall", dashboards: ["service-overview"], rotateSeconds: 30 });
    const ingest = await createApiKey(db.prisma, { kind: "ingest", name: "bench" });
    return { screenToken: screen.token, ingestKey: ingest.key };
  } finally {
    await db.close();
  }
}

async function signIn(): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** The server's CPU seconds so far and its resident memory, from /proc. */
function processStats(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
}

async function committedTransactions(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()");
  return Number(rows[0]!.n);
}

let lastSettled: number | undefined;

/** Waits until the server's connections have reported their counts, then reads them; one step's end is the next one's start. */
async function settledTransactions(client: pg.Client, reuse = false): Promise<number> {
  if (reuse && lastSettled !== undefined) return lastSettled;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
  await client.query("SELECT pg_stat_clear_snapshot()");
  return (lastSettled = await committedTransactions(client));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function runStep(step: Step, viewers: number, pid: number, stats: pg.Client): Promise<void> {
  await step.prepare?.();
  // Without a request of its own before it, the step starts where the last one's count ended.
  const xactBefore = await settledTransactions(stats, !step.prepare);
  const cpuBefore = processStats(pid).cpuSeconds;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, processStats(pid).rssMb)), 250);
  const stopDuring = step.during?.();
  let n = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: viewers,
        duration: SECONDS,
        timeout: 120,
        requests: [
          {
            setupRequest: (request) => {
              const { path, headers } = step.request(n++);
              return { ...request, path, headers: { ...request.headers, ...headers } };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  stopDuring?.();
  clearInterval(sampler);
  const cpu = processStats(pid).cpuSeconds - cpuBefore;
  const requests = latencies.length;
  // One read of the counter is itself a transaction.
  const xact = (await settledTransactions(stats)) - xactBefore - 1;
  latencies.sort((a, b) => a - b);
  const codes = [...statuses].map(([code, count]) => `${code}×${count}`).join(" ");
  console.log(
    `${step.name.padEnd(16)} ${String(viewers).padStart(3)} viewers: ${(requests / SECONDS).toFixed(0).padStart(6)} req/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(latencies, 95).toFixed(1).padStart(7)} ms  p99 ${percentile(latencies, 99).toFixed(1).padStart(7)} ms  ` +
      `CPU ${requests ? ((cpu / requests) * 1e6).toFixed(0).padStart(6) : "-"} µs/req  RSS ≤ ${peakRss.toFixed(0).padStart(4)} MB  ` +
      `xact/req ${requests ? (xact / requests).toFixed(3) : "-"}  [${codes}${result.errors ? ` errors×${result.errors}` : ""}${result.timeouts ? ` timeouts×${result.timeouts}` : ""}]`,
  );
}

async function etagOf(path: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${BASE}${path}`, { headers });
  await response.arrayBuffer();
  return response.headers.get("etag") ?? "";
}

function steps(fixtures: Fixtures): Step[] {
  const dashboard = "/api/v1/dashboards/service-overview?preset=today";
  const tv = `/api/v1/tv/${fixtures.screenToken}/dashboards/service-overview`;
  const session = { cookie: fixtures.cookie };
  let misses = 0;
  const etags = { dashboard: "", tv: "" };
  return [
    { name: "health", request: () => ({ path: "/api/health" }) },
    { name: "dashboard hit", request: () => ({ path: dashboard, headers: session }) },
    {
      name: "dashboard 304",
      prepare: async () => void (etags.dashboard = await etagOf(dashboard, session)),
      request: () => ({ path: dashboard, headers: { ...session, "if-none-match": etags.dashboard } }) },
    {
      name: "dashboard miss",
      request: () => {
        // A custom range within the demo's 90 days that no earlier poll asked for: its own computation.
        const k = misses++;
        const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
        const to = k % 89;
        return { path: `/api/v1/dashboards/service-overview?from=${day(to + 1 + (Math.floor(k / 89) % 89))}&to=${day(to)}`, headers: session };
      },
    },
    { name: "tv hit", request: () => ({ path: tv }) },
    { name: "tv 304", prepare: async () => void (etags.tv = await etagOf(tv)), request: () => ({ path: tv, headers: { "if-none-match": etags.tv } }) },
    { name: "tv miss", request: () => ({ path: tv }), during: () => postIngestEverySecond(fixtures.ingestKey) },
  ];
}

/** One small ticket batch a second: each one makes the next TV poll a miss. */
function postIngestEverySecond(ingestKey: string): () => void {
  let n = 0;
  const timer = setInterval(() => {
    const ticket = { externalId: `BENCH-${Date.now()}-${n++}`, channel: "email", status: "new", createdAt: new Date(Date.now() - 60_000).toISOString() };
    void fetch(`${BASE}/api/v1/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${ingestKey}`, "content-type": "application/json" },
      body: JSON.stringify({ tickets: [ticket] }),
    }).catch(() => undefined);
  }, 1000);
  return () => clearInterval(timer);
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const throwaway = values.url ? null : await startThrowawayPostgres();
  const url = values.url ?? throwaway!.url;
  const server = { pid: 0 };
  const stats = new pg.Client({ connectionString: url });
  try {
    const prepared = await prepareDatabase(url);
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_URL: url },
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
    });
    server.pid = child.pid!;
    for (let i = 0; i < 240 && !(await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));
    const fixtures = { ...prepared, cookie: await signIn() };
    await stats.connect();
    console.log(`server pid ${server.pid}, ${SECONDS} s per step, transactions read ${SETTLE_SECONDS} s after each step`);
    for (const step of steps(fixtures)) {
      for (const viewers of VIEWERS) await runStep(step, viewers, server.pid, stats);
    }
  } finally {
    await stats.end().catch(() => undefined);
    if (server.pid) process.kill(-server.pid, "SIGKILL");
    throwaway?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
