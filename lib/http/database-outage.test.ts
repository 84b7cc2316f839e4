import { afterAll, beforeAll, expect, test, vi } from "vitest";

import { GET as getDashboardSnapshot } from "@/app/api/v1/dashboards/[slug]/route";
import { GET as getHealth } from "@/app/api/health/route";
import { POST as postIngest } from "@/app/api/v1/ingest/route";
import { GET as getKpis } from "@/app/api/v1/kpis/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import { migrate } from "@/lib/db/migrate";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/lib/testing/throwaway-postgres";

// A real Postgres server stopped under the routes and started again: every answer is a 200 or a
// 503 with Retry-After (never a 500), and the same database object serves again once it is back.

const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database> };
let server: ThrowawayPostgres;
let db: Database;
let kpiKey = "";
let ingestKey = "";
let sequence = 0;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  db = await openDatabase({ kind: "postgres", url: server.url, poolSize: 4 });
  await db.withConnection((connection) => migrate(connection, { log: () => {} }));
  await ensureDefaultDashboard(db.prisma);
  kpiKey = (await createApiKey(db.prisma, { kind: "kpi", name: "wall" })).key;
  ingestKey = (await createApiKey(db.prisma, { kind: "ingest", name: "helpdesk" })).key;
  holder.__deskpulseDb = Promise.resolve(db);
}, 120_000);

afterAll(async () => {
  holder.__deskpulseDb = undefined;
  await db?.close().catch(() => {});
  server?.stop();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** One round of what clients do: a KPI poll, a dashboard poll (past the shared cache) and an ingest batch. */
function round(): Promise<Response>[] {
  snapshotCache.clear();
  sequence += 1;
  const batch = { tickets: [{ externalId: `T-${sequence}`, channel: "email", status: "new", createdAt: new Date().toISOString() }] };
  return [
    getKpis(new Request("http://localhost/api/v1/kpis?keys=ticket_volume,csat&preset=today", { headers: bearer(kpiKey) })),
    getDashboardSnapshot(new Request("http://localhost/api/v1/dashboards/service-overview", { headers: bearer(kpiKey) }), {
      params: Promise.resolve({ slug: "service-overview" }),
    }),
    postIngest(
      new Request("http://localhost/api/v1/ingest", {
        method: "POST",
        headers: { ...bearer(ingestKey), "content-type": "application/json" },
        body: JSON.stringify(batch),
      }),
    ),
  ];
}

async function expectOutage(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.text();
  expect(JSON.parse(body)).toMatchObject({ status: 503, error: "unavailable" });
  expect(body).not.toContain(new URL(server.url).port);
}

test("Postgres stopped under polls and ingest: 503 with Retry-After, then 200 again without a new database object", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  for (const response of await Promise.all(round())) expect(response.status).toBe(200);

  // Stopped while requests are in flight: each ends as a 200 or a 503, never a 500.
  const inFlight = [...round(), ...round()];
  server.pause();
  for (const response of await Promise.all(inFlight)) {
    if (response.status === 200) continue;
    await expectOutage(response);
  }

  // While it is down, everything is a 503, health included (without the server's address).
  for (let i = 0; i < 3; i++) for (const response of await Promise.all(round())) await expectOutage(response);
  const health = await getHealth(new Request("http://localhost/api/health"));
  expect(health.status).toBe(503);
  expect(health.headers.get("retry-after")).toBeTruthy();
  expect(await health.json()).toEqual({ status: "unavailable" });

  server.resume();
  const recovered = await Promise.all(round());
  expect(recovered.map((r) => r.status)).toEqual([200, 200, 200]);
  expect(await (await getHealth(new Request("http://localhost/api/health"))).json()).toEqual({ status: "ok", db: "postgres" });
  // The same object the server opened at start, reconnected by its pool.
  expect(await holder.__deskpulseDb).toBe(db);
}, 120_000);
