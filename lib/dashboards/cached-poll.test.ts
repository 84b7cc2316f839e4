import { afterAll, beforeAll, expect, test, vi } from "vitest";

import { GET as dashboardGet } from "@/app/api/v1/dashboards/[slug]/route";
import { POST as ingestPost } from "@/app/api/v1/ingest/route";
import { GET as tvGet } from "@/app/api/v1/tv/[token]/dashboards/[slug]/route";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { revokeScreen } from "@/lib/auth/screen-tokens";
import { signOut } from "@/lib/auth/sign-out";
import { updateUser } from "@/lib/auth/users";
import { SHORT_LIVED_TTL_MS } from "@/lib/cache/short-lived-cache";
import type { Database } from "@/lib/db/open-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedAccessMatrix, type AccessMatrixFixtures } from "@/lib/testing/seed-access-matrix";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import type { DashboardData } from "./dashboard-data";

const SLUG = "service-overview";

/** The test's database behind a client that counts every query and transaction it is asked for. */
function countingDatabase(db: Database): { db: Database; operations: () => number } {
  let operations = 0;
  const prisma = db.prisma.$extends({
    query: {
      $allOperations({ args, query }) {
        operations++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { db: { ...db, prisma }, operations: () => operations };
}

const ticketVolume = (data: DashboardData) => Object.values(data.widgets).find((w) => w.kind === "kpi_number" && w.kpi === "ticket_volume");

describeEachDatabase("a cached poll", ({ db }) => {
  const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database>; __deskpulseAuth?: unknown };
  let counted: ReturnType<typeof countingDatabase>;
  let fixtures: AccessMatrixFixtures;

  beforeAll(async () => {
    // Noon, frozen: every poll of a test falls in one polling interval and "today" holds a ticket a minute old.
    const noon = new Date();
    noon.setUTCHours(12, 0, 0, 0);
    vi.useFakeTimers({ toFake: ["Date"], now: noon });
    counted = countingDatabase(db());
    holder.__deskpulseDb = Promise.resolve(counted.db);
    holder.__deskpulseAuth = undefined;
    fixtures = await seedAccessMatrix(counted.db);
  });
  afterAll(() => {
    vi.useRealTimers();
    holder.__deskpulseDb = undefined;
    holder.__deskpulseAuth = undefined;
  });

  const dashboardPoll = (headers: Record<string, string>, search = "?preset=today") =>
    dashboardGet(new Request(`http://localhost/api/v1/dashboards/${SLUG}${search}`, { headers }), { params: Promise.resolve({ slug: SLUG }) });
  const tvPoll = (token: string, headers: Record<string, string> = {}) =>
    tvGet(new Request(`http://localhost/api/v1/tv/${token}/dashboards/${SLUG}`, { headers }), { params: Promise.resolve({ token, slug: SLUG }) });

  /** How many database operations `polls` ask for. */
  async function operationsOf(polls: () => Promise<void>): Promise<number> {
    const before = counted.operations();
    await polls();
    return counted.operations() - before;
  }

  test("after the first, a signed-in viewer's polls, answered 200 or 304, touch no database", async () => {
    const cookie = fixtures.cookies.manager;
    const first = await dashboardPoll({ cookie });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const operations = await operationsOf(async () => {
      for (let i = 0; i < 10; i++) {
        expect((await dashboardPoll({ cookie })).status).toBe(200);
        expect((await dashboardPoll({ cookie, "if-none-match": etag })).status).toBe(304);
      }
    });
    expect(operations).toBe(0);
  });

  test("a team lead's and a KPI key's repeated polls touch no database either", async () => {
    const callers: Record<string, string>[] = [{ cookie: fixtures.cookies.leadOwnTeam }, { authorization: `Bearer ${fixtures.kpiKey}` }];
    for (const headers of callers) {
      expect((await dashboardPoll(headers)).status).toBe(200);
      expect(await operationsOf(async () => void expect((await dashboardPoll(headers)).status).toBe(200))).toBe(0);
    }
  });

  test("after the first, a TV's polls touch no database", async () => {
    const first = await tvPoll(fixtures.screenToken);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const operations = await operationsOf(async () => {
      for (let i = 0; i < 10; i++) expect((await tvPoll(fixtures.screenToken, { "if-none-match": etag })).status).toBe(304);
    });
    expect(operations).toBe(0);
  });

  test("an ingested batch is on the TV's next poll, not an interval later", async () => {
    const first = await tvPoll(fixtures.screenToken);
    const before = (await first.json()) as DashboardData;
    const ingest = await ingestPost(
      new Request("http://localhost/api/v1/ingest", {
        method: "POST",
        headers: { authorization: `Bearer ${fixtures.ingestKey}`, "content-type": "application/json" },
        body: JSON.stringify({ tickets: [{ externalId: "NEW-1", channel: "email", status: "new", createdAt: new Date(Date.now() - 60_000).toISOString() }] }),
      }),
    );
    expect(ingest.status).toBe(200);
    const next = await tvPoll(fixtures.screenToken, { "if-none-match": first.headers.get("etag")! });
    expect(next.status).toBe(200);
    const after = (await next.json()) as DashboardData;
    expect(ticketVolume(after)).toMatchObject({ current: { value: (ticketVolume(before) as { current: { value: number } }).current.value + 1 } });
  });

  test("a changed user is looked up again at their next poll: a lead made manager sees another team at once", async () => {
    const cookie = fixtures.cookies.leadOwnTeam;
    expect((await dashboardPoll({ cookie }, "?team=beta")).status).toBe(403);
    const lead = await db().prisma.user.findUniqueOrThrow({ where: { email: "lead@example.com" } });
    await updateUser(db().prisma, lead.id, { name: "Lead", role: "manager" });
    expect((await dashboardPoll({ cookie }, "?team=beta")).status).toBe(200);
  });

  test("a revoked KPI key stops working at its next request", async () => {
    const headers = { authorization: `Bearer ${fixtures.kpiKey}` };
    expect((await dashboardPoll(headers)).status).toBe(200);
    const key = await db().prisma.apiKey.findFirstOrThrow({ where: { kind: "kpi" } });
    await revokeApiKey({ prisma: db().prisma }, key.id);
    expect((await dashboardPoll(headers)).status).toBe(401);
  });

  test("a signed-out session stops working at its next poll", async () => {
    const cookie = fixtures.cookies.admin;
    expect((await dashboardPoll({ cookie })).status).toBe(200);
    await signOut(new Headers({ cookie, origin: "http://localhost" }));
    expect((await dashboardPoll({ cookie })).status).toBe(401);
  });

  test("a revoked screen shows disconnected at its next poll; another process notices within the TTL", async () => {
    expect(SHORT_LIVED_TTL_MS).toBeLessThanOrEqual(5_000);
    expect((await tvPoll(fixtures.screenToken)).status).toBe(200);
    const screen = await db().prisma.screen.findFirstOrThrow();
    await revokeScreen({ prisma: db().prisma }, screen.id);
    const response = await tvPoll(fixtures.screenToken);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "disconnected" });
  });
});
