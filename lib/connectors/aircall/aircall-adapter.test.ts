import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { ConnectorContext, SyncPage } from "@/lib/connectors/connector";
import { VendorPermanentError, VendorRateLimitedError } from "@/lib/connectors/vendor-errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { clearRecords, snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { AIRCALL_MAX_PAGE, aircallAdapter, nextCallWindow, type AircallCall } from "./aircall-adapter";
import { CALL_COUNT, FAKE_AIRCALL_ID, FAKE_AIRCALL_NOW, FAKE_AIRCALL_TOKEN, startFakeAircall, type FakeAircall, type FakeCall } from "./fake-aircall";

/** A full read makes hundreds of requests and stores every page; on a shared 2-core machine that can pass 30 s. */
const FULL_READ_TIMEOUT_MS = 120_000;
const SINCE = new Date("2026-10-31T00:00:00Z");
const WEBHOOK_TOKEN = "45e5e5a81c7f97089ded54e5ad4a2218";
const SECRETS = { apiId: FAKE_AIRCALL_ID, apiToken: FAKE_AIRCALL_TOKEN, webhookToken: WEBHOOK_TOKEN };

let vendor: FakeAircall;
beforeAll(async () => {
  vendor = await startFakeAircall();
});
afterAll(() => vendor.close());

const contextFor = (secrets: Record<string, string> = SECRETS): ConnectorContext => ({ baseUrl: vendor.baseUrl, secrets, since: SINCE, fetch });

async function syncUntilDone(prisma: PrismaClient, cursor: string | null, maxPages = Infinity) {
  const pages: SyncPage[] = [];
  let next = cursor;
  while (pages.length < maxPages) {
    const page = await aircallAdapter.fetchPage(contextFor(), next);
    const parsed = parseIngestBatch(page.batch);
    if (!parsed.ok) throw new Error(`invalid records: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    await ingestBatch(prisma, parsed.batch);
    pages.push(page);
    next = page.cursor;
    if (page.done) break;
  }
  return pages;
}

interface StoredCall {
  external_id: string;
  queue: string | null;
  agent: string | null;
  team: string | null;
  direction: string | null;
  queued_at: Date | null;
  answered_at: Date | null;
  ended_at: Date | null;
  talk_seconds: number | null;
}

const byReason = (calls: FakeCall[], reason: string) => calls.find((call) => call.missed_call_reason === reason)!;

describeEachDatabase("Aircall adapter", ({ db }) => {
  let firstRead: Awaited<ReturnType<typeof snapshotRecords>>;
  let lastCursor: string;

  test("a full read stores every call, user, team and availability with the KPI fields Aircall gives", async () => {
    const pages = await syncUntilDone(db().prisma, null);
    expect(pages.at(-1)?.done).toBe(true);
    lastCursor = pages.at(-1)!.cursor;
    const callPages = vendor.requests.filter((url) => url.pathname === "/v1/calls").map((url) => Number(url.searchParams.get("page")));
    expect(Math.max(...callPages)).toBeLessThan(200);

    const snapshot = await snapshotRecords(db().prisma);
    firstRead = snapshot;
    const calls = snapshot.calls as StoredCall[];
    // 60 calls created in one second straddle pages: none is lost.
    expect(calls.map((c) => c.external_id).sort()).toEqual(vendor.data.calls.map((c) => String(c.id)).sort());
    expect(calls).toHaveLength(CALL_COUNT);

    const find = (call: FakeCall) => calls.find((c) => c.external_id === String(call.id))!;
    const answered = vendor.data.calls.find((c) => c.direction === "inbound" && c.status === "done" && c.answered_at)!;
    expect(find(answered)).toMatchObject({
      direction: "inbound", queue: "58108", team: "1", agent: String(answered.user!.id),
      queued_at: new Date(answered.started_at * 1000), answered_at: new Date(answered.answered_at! * 1000), ended_at: new Date(answered.ended_at! * 1000),
      talk_seconds: answered.ended_at! - answered.answered_at!,
    });
    // Abandoned: queued and never answered. Not offered: no queuedAt.
    for (const reason of ["abandoned_in_classic", "no_available_agent", "agents_did_not_answer"]) {
      const stored = find(byReason(vendor.data.calls, reason));
      expect(stored.queued_at, reason).not.toBeNull();
      expect(stored.answered_at, reason).toBeNull();
      expect(stored.ended_at, reason).not.toBeNull();
    }
    for (const reason of ["out_of_opening_hours", "abandoned_in_ivr", "short_abandoned"]) {
      expect(find(byReason(vendor.data.calls, reason)).queued_at, reason).toBeNull();
    }
    const ongoing = vendor.data.calls.find((c) => c.status === "answered")!;
    expect(find(ongoing)).toMatchObject({ ended_at: null, answered_at: new Date(ongoing.answered_at! * 1000) });
    expect(find(vendor.data.calls.find((c) => c.direction === "outbound")!)).toMatchObject({ direction: "outbound" });

    expect(snapshot.teams).toEqual([{ external_id: "1", name: "Support FR" }, { external_id: "2", name: "Sales" }]);
    expect(snapshot.agents).toContainEqual({ external_id: "216121", name: "John Smith", email: "john.smith@example.com", team: "2" });
    expect(snapshot.agents).toContainEqual({ external_id: "216119", name: "François Delgado", email: "francois.delgado@example.com", team: "1" });
    expect(snapshot.statuses).toEqual([
      { agent: "216119", status: "available", at: FAKE_AIRCALL_NOW },
      { agent: "216120", status: "away", at: FAKE_AIRCALL_NOW },
      { agent: "216121", status: "away", at: FAKE_AIRCALL_NOW },
    ]);
  }, FULL_READ_TIMEOUT_MS);

  test("a second full read changes nothing", async () => {
    await syncUntilDone(db().prisma, null);
    expect(await snapshotRecords(db().prisma)).toEqual(firstRead);
  }, FULL_READ_TIMEOUT_MS);

  test("resuming from a cursor half-way gives the same records as an uninterrupted read", async () => {
    await clearRecords(db().prisma);
    const firstPages = await syncUntilDone(db().prisma, null, 2);
    expect(firstPages.at(-1)?.done).toBe(false);
    await syncUntilDone(db().prisma, firstPages.at(-1)!.cursor);
    expect(await snapshotRecords(db().prisma)).toEqual(firstRead);
  }, FULL_READ_TIMEOUT_MS);

  test("the next run starts at the earliest call still in progress and stores its end", async () => {
    const ongoing = vendor.data.calls.find((c) => c.status === "answered")!;
    const original = { ...ongoing };
    Object.assign(ongoing, { status: "done", ended_at: ongoing.answered_at! + 95 });
    try {
      const pages = await syncUntilDone(db().prisma, lastCursor);
      const reread = pages.flatMap((page) => page.batch.calls ?? []);
      expect(reread.length).toBeLessThan(CALL_COUNT);
      expect(reread.map((c) => c.externalId)).toContain(String(ongoing.id));
      const stored = ((await snapshotRecords(db().prisma)).calls as StoredCall[]).find((c) => c.external_id === String(ongoing.id));
      expect(stored).toMatchObject({ ended_at: new Date(ongoing.ended_at! * 1000), talk_seconds: 95 });
    } finally {
      Object.assign(ongoing, original);
    }
  }, FULL_READ_TIMEOUT_MS);
});

describe("Aircall call window", () => {
  const callsAt = (startedAt: number): AircallCall[] => [{ id: 1, direction: "inbound", status: "done", started_at: startedAt }];

  test("restarts one second before the last call, or turns the page when that does not move it", () => {
    expect(nextCallWindow(1000, 7, callsAt(2000))).toEqual({ from: 1999, page: 1 });
    expect(nextCallWindow(1999, 1, callsAt(2000))).toEqual({ from: 1999, page: 2 });
  });

  test("says so rather than ask past 10,000 records when they share two seconds", () => {
    expect(() => nextCallWindow(1999, AIRCALL_MAX_PAGE, callsAt(2000))).toThrow(VendorPermanentError);
  });
});

describe("Aircall errors and webhooks", () => {
  test("a 429 with Retry-After is a VendorRateLimitedError with its seconds", async () => {
    vendor.rateLimitNext({ resetInSeconds: 50, retryAfter: 23 });
    const error = await aircallAdapter.fetchPage(contextFor(), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorRateLimitedError);
    expect((error as VendorRateLimitedError).retryAfterSeconds).toBe(23);
  });

  test("a 429 with only X-AircallApi-Reset waits until the reset", async () => {
    vendor.rateLimitNext({ resetInSeconds: 42 });
    const error = await aircallAdapter.fetchPage(contextFor(), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorRateLimitedError);
    expect((error as VendorRateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(41);
    expect((error as VendorRateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(42);
  });

  test("wrong credentials are a permanent error that says what to check", async () => {
    const error = await aircallAdapter.fetchPage(contextFor({ apiId: FAKE_AIRCALL_ID, apiToken: "wrong" }), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorPermanentError);
    expect((error as Error).message).toMatch(/Aircall refused the credentials \(401\)/);
  });

  test("the secrets schema names what is missing", () => {
    const result = aircallAdapter.secrets.safeParse({ apiId: "id" });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["apiToken"]]);
  });

  // Aircall's published call.ended delivery, with this connection's webhook token.
  const callEnded = (token: string) => ({
    resource: "call", event: "call.ended", timestamp: 1537525832, token,
    data: {
      id: 76259012, direct_link: "https://api.aircall.io/v1/calls/76259012", direction: "inbound", status: "done", missed_call_reason: null,
      started_at: 1537525785, answered_at: 1537525798, ended_at: 1537525802, duration: 5, voicemail: null, recording: null, asset: null, raw_digits: "+33 6 12 34 56 78",
      user: { id: 216119, direct_link: "https://api.aircall.io/v1/users/216119", name: "François Delgado", email: "francois.delgado@example.com", available: true, availability_status: "available" },
      number: { id: 58108, direct_link: "https://api.aircall.io/v1/numbers/58108", name: "Support line", digits: "+33 4 22 20 20 20", country: "FR", time_zone: "Europe/Paris" },
    },
  });
  const delivery = (body: unknown) => ({ headers: new Headers({ "content-type": "application/json" }), rawBody: JSON.stringify(body) });

  test("verify accepts the webhook's token; the delivery id is event, call id and timestamp", () => {
    expect(aircallAdapter.webhook!.verify(delivery(callEnded(WEBHOOK_TOKEN)), SECRETS)).toEqual({
      ok: true, deliveryId: "aircall:call.ended:76259012:1537525832", signedAt: new Date(1537525832 * 1000),
    });
  });

  test("verify refuses a wrong token, a missing token, a connection without one and a body that is not an event", () => {
    expect(aircallAdapter.webhook!.verify(delivery(callEnded("baedb5a81c7f97089ded54e5ad4a2218")), SECRETS)).toMatchObject({ ok: false });
    expect(aircallAdapter.webhook!.verify(delivery({ ...callEnded(WEBHOOK_TOKEN), token: undefined }), SECRETS)).toMatchObject({ ok: false });
    expect(aircallAdapter.webhook!.verify(delivery(callEnded(WEBHOOK_TOKEN)), { apiId: "a", apiToken: "b" })).toMatchObject({ ok: false });
    expect(aircallAdapter.webhook!.verify({ headers: new Headers(), rawBody: "not json" }, SECRETS)).toMatchObject({ ok: false });
  });

  test("toBatch maps call.ended from the payload and user events to availability", async () => {
    const batch = await aircallAdapter.webhook!.toBatch(contextFor(), callEnded(WEBHOOK_TOKEN));
    expect(parseIngestBatch(batch).ok).toBe(true);
    expect(batch).toEqual({
      calls: [{
        externalId: "76259012", direction: "inbound", queue: "58108", agent: "216119",
        queuedAt: "2018-09-21T10:29:45.000Z", answeredAt: "2018-09-21T10:29:58.000Z", endedAt: "2018-09-21T10:30:02.000Z", talkSeconds: 4,
      }],
    });
    const user = { id: 216119, name: "François Delgado", email: "francois.delgado@example.com", available: true, availability_status: "available" };
    const statusOf = async (event: string) =>
      (await aircallAdapter.webhook!.toBatch(contextFor(), { resource: "user", event, timestamp: 1537525832, token: WEBHOOK_TOKEN, data: user })).agentStatus;
    expect(await statusOf("user.opened")).toEqual([{ agent: "216119", status: "available", at: "2018-09-21T10:30:32.000Z" }]);
    expect(await statusOf("user.closed")).toEqual([{ agent: "216119", status: "away", at: "2018-09-21T10:30:32.000Z" }]);
    expect(await statusOf("user.wut_start")).toEqual([{ agent: "216119", status: "busy", at: "2018-09-21T10:30:32.000Z" }]);
    expect(await statusOf("user.disconnected")).toEqual([{ agent: "216119", status: "offline", at: "2018-09-21T10:30:32.000Z" }]);
    expect(await statusOf("user.created")).toBeUndefined();
  });

  test("toBatch reads an earlier-stage call event's call as Aircall has it now", async () => {
    const done = vendor.data.calls.find((c) => c.status === "done" && c.answered_at)!;
    const batch = await aircallAdapter.webhook!.toBatch(contextFor(), {
      resource: "call", event: "call.answered", timestamp: done.answered_at, token: WEBHOOK_TOKEN,
      data: { ...done, status: "answered", ended_at: null },
    });
    expect(batch.calls).toEqual([expect.objectContaining({ externalId: String(done.id), endedAt: new Date(done.ended_at! * 1000).toISOString() })]);
  });
});
