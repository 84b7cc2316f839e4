import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";

import { FAKE_ZENDESK_EMAIL, FAKE_ZENDESK_TOKEN, startFakeZendesk, type FakeZendesk } from "@/lib/testing/fake-zendesk";
import { clearRecords, snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createConnection } from "./manage-connections";
import { runDueConnections } from "./run-due-connections";
import { syncConnection } from "./sync-connection";

const TICKETS = 10_000;
const SMALL = 300;
const secrets = { email: FAKE_ZENDESK_EMAIL, token: FAKE_ZENDESK_TOKEN };
const noWait = async () => {};

describeEachDatabase("syncing a Zendesk connection", ({ db }) => {
  let big: FakeZendesk;
  let zendesk: FakeZendesk;
  beforeAll(async () => {
    big = await startFakeZendesk({ tickets: TICKETS });
    zendesk = await startFakeZendesk({ tickets: SMALL, pageSize: 100, eventPageSize: 100 });
  });
  afterAll(() => Promise.all([big.close(), zendesk.close()]));
  beforeEach(async () => {
    zendesk.failNext = [];
    await clearRecords(db().prisma);
    await db().prisma.connection.deleteMany();
  });

  const add = (overrides: Partial<{ secrets: Record<string, string>; url: string }> = {}) =>
    createConnection(db().prisma, { kind: "zendesk", name: "Support", baseUrl: overrides.url ?? zendesk.url, since: "2025-12-01", secrets: overrides.secrets ?? secrets });

  test("a backfill killed halfway and resumed stores exactly what an uninterrupted one does; a second sync changes nothing", async () => {
    const prisma = db().prisma;
    const { id } = await add({ url: big.url });
    const uninterrupted = await syncConnection(prisma, id, { sleep: noWait, maxMilliseconds: 300_000 });
    expect(uninterrupted).toMatchObject({ ran: true, status: "idle" });
    const expected = await snapshotRecords(prisma);
    expect(expected.tickets).toHaveLength(TICKETS);
    expect(expected.messages).toHaveLength(2 * TICKETS);
    expect(expected.agents).toHaveLength(3);
    expect(expected.teams).toHaveLength(2);
    // Every 10th ticket rated, minus the "offered" ones (every 20th, not every 30th).
    expect(expected.surveys).toHaveLength(Array.from({ length: TICKETS }, (_, i) => i).filter((i) => i % 10 === 0 && !(i % 20 === 0 && i % 30 !== 0)).length);

    const again = await syncConnection(prisma, id, { force: true, sleep: noWait, maxMilliseconds: 300_000 });
    expect(again).toMatchObject({ ran: true, status: "idle" });
    expect(await snapshotRecords(prisma)).toEqual(expected);

    await clearRecords(prisma);
    const { id: second } = await add({ url: big.url });
    const controller = new AbortController();
    let ticketPages = 0;
    big.onRequest = (path) => {
      if (path.endsWith("/tickets/cursor.json") && ++ticketPages === 6) controller.abort();
    };
    const killed = await syncConnection(prisma, second, { signal: controller.signal, sleep: noWait, maxMilliseconds: 300_000 });
    expect(killed).toMatchObject({ ran: true, status: "syncing" });
    const halfway = await prisma.connection.findUniqueOrThrow({ where: { id: second } });
    expect((await snapshotRecords(prisma)).tickets).toHaveLength(5_000);
    expect(halfway.reachedAt?.toISOString()).toBe("2026-01-04T11:20:00.000Z");
    expect(halfway.leaseOwner).toBeNull();

    big.onRequest = undefined;
    const resumed = await syncConnection(prisma, second, { sleep: noWait, maxMilliseconds: 300_000 });
    expect(resumed).toMatchObject({ ran: true, status: "idle" });
    expect(await snapshotRecords(prisma)).toEqual(expected);
  }, 120_000);

  test("a 429 waits for Retry-After and a 5xx backs off; the next run continues", async () => {
    const prisma = db().prisma;
    const { id } = await add();
    const waits: number[] = [];
    zendesk.failNext = [{ status: 429, headers: { "retry-after": "3" }, body: { error: "APIRateLimitExceeded" } }];
    const limited = await syncConnection(prisma, id, { maxPages: 2, maxMilliseconds: 60_000, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([3000]);
    expect(limited).toMatchObject({ ran: true, pages: 2, status: "syncing" });

    zendesk.failNext = [{ status: 503, body: { error: "ServiceUnavailable" } }];
    const failed = await syncConnection(prisma, id, { random: () => 0 });
    expect(failed).toMatchObject({ ran: true, status: "backing_off", message: "Zendesk Support answered 503" });
    const backingOff = await prisma.connection.findUniqueOrThrow({ where: { id } });
    expect(backingOff).toMatchObject({ status: "backing_off", failures: 1, lastError: "Zendesk Support answered 503" });
    expect(backingOff.nextRunAt.getTime() - Date.now()).toBeGreaterThan(1_000);
    expect(await runDueConnections(prisma)).toBe(0);

    const retried = await syncConnection(prisma, id, { force: true, sleep: noWait });
    expect(retried).toMatchObject({ ran: true, status: "idle" });
    expect(await prisma.connection.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "idle", failures: 0, statusMessage: null });
  }, 60_000);

  test("a long Retry-After ends the run and is honoured by the schedule", async () => {
    const prisma = db().prisma;
    const { id } = await add();
    zendesk.failNext = [{ status: 429, headers: { "retry-after": "120" }, body: { error: "APIRateLimitExceeded" } }];
    expect(await syncConnection(prisma, id)).toMatchObject({ ran: true, status: "backing_off", pages: 0 });
    const row = await prisma.connection.findUniqueOrThrow({ where: { id } });
    expect(row.nextRunAt.getTime() - Date.now()).toBeGreaterThan(110_000);
  });

  test("a bad credential stops the connection with a message a person can act on", async () => {
    const prisma = db().prisma;
    const { id } = await add({ secrets: { email: FAKE_ZENDESK_EMAIL, token: "wrong" } });
    const outcome = await syncConnection(prisma, id);
    expect(outcome).toMatchObject({ ran: true, status: "stopped", stored: 0 });
    const row = await prisma.connection.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("stopped");
    expect(row.statusMessage).toBe("Zendesk Support refused the credentials (401); check the email/token or API key");
    expect(await runDueConnections(prisma)).toBe(0);
    expect(await syncConnection(prisma, id)).toEqual({ ran: false, reason: "leased elsewhere or not due" });
  });

  test("two engines at once: one takes the lease, the other skips", async () => {
    const prisma = db().prisma;
    const { id } = await add();
    const [a, b] = await Promise.all([
      syncConnection(prisma, id, { owner: "server-a", sleep: noWait }),
      syncConnection(prisma, id, { owner: "server-b", sleep: noWait }),
    ]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect((await snapshotRecords(prisma)).tickets).toHaveLength(SMALL);
    const requests = zendesk.requests.filter((r) => r.includes("/tickets/cursor.json"));
    expect(requests.length).toBeGreaterThan(0);
  }, 60_000);
});
