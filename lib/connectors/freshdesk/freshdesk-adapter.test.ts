import { afterAll, beforeAll, describe, expect, test } from "vitest";

import type { ConnectorAdapter, ConnectorContext, SyncPage } from "@/lib/connectors/connector";
import { VendorPermanentError, VendorRateLimitedError } from "@/lib/connectors/vendor-errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { clearRecords, snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { FAKE_FRESHDESK_KEY, RATING_COUNT, TICKET_COUNT, startFakeFreshdesk, type FakeFreshdesk } from "./fake-freshdesk";
import { FRESHDESK_MAX_TICKET_PAGE, FRESHDESK_SECRET_HEADER, freshdeskAdapter, nextTicketWindow } from "./freshdesk-adapter";

/** A full read makes hundreds of requests and stores every page; on a shared 2-core machine that can pass 30 s. */
const FULL_READ_TIMEOUT_MS = 120_000;
const SINCE = new Date("2026-10-31T00:00:00Z");
const WEBHOOK_SECRET = "a-long-shared-secret-for-webhooks";

let vendor: FakeFreshdesk;
beforeAll(async () => {
  vendor = await startFakeFreshdesk();
});
afterAll(() => vendor.close());

const contextFor = (secrets: Record<string, string> = { apiKey: FAKE_FRESHDESK_KEY }): ConnectorContext => ({
  baseUrl: vendor.baseUrl, secrets, since: SINCE, fetch,
});

/** Drives the adapter as the engine does: each page is validated and stored before its cursor is kept. */
async function syncUntilDone(adapter: ConnectorAdapter, prisma: PrismaClient, cursor: string | null, maxPages = Infinity) {
  const pages: SyncPage[] = [];
  let next = cursor;
  while (pages.length < maxPages) {
    const page = await adapter.fetchPage(contextFor(), next);
    const parsed = parseIngestBatch(page.batch);
    if (!parsed.ok) throw new Error(`invalid records: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    await ingestBatch(prisma, parsed.batch);
    pages.push(page);
    next = page.cursor;
    if (page.done) break;
  }
  return pages;
}

describeEachDatabase("Freshdesk adapter", ({ db }) => {
  let firstRead: Awaited<ReturnType<typeof snapshotRecords>>;

  test("a full read stores every ticket, conversation and rating with the KPI fields Freshdesk gives", async () => {
    const pages = await syncUntilDone(freshdeskAdapter, db().prisma, null);
    expect(pages.at(-1)?.done).toBe(true);
    expect(pages.slice(0, -1).every((page) => !page.done)).toBe(true);
    // The ticket list is walked by moving updated_since, never by turning to the 300th page.
    const ticketPages = vendor.requests.filter((url) => url.pathname === "/api/v2/tickets").map((url) => Number(url.searchParams.get("page")));
    expect(Math.max(...ticketPages)).toBeLessThan(300);

    const snapshot = await snapshotRecords(db().prisma);
    firstRead = snapshot;
    const tickets = snapshot.tickets as { external_id: string; created_at: Date; first_response_at: Date | null; status: string; priority: string; channel: string; resolved_at: Date | null; team: string | null; assignee: string | null }[];
    // 130 tickets updated in one second straddle two pages: none is lost.
    expect(tickets.map((t) => Number(t.external_id)).sort((a, b) => a - b)).toEqual(Array.from({ length: TICKET_COUNT }, (_, i) => i + 1));
    expect(snapshot.teams).toEqual([{ external_id: "1", name: "Entertainers" }, { external_id: "2", name: "Billing" }]);
    expect(snapshot.agents).toContainEqual({ external_id: "1", name: "Superman", email: "superman@freshdesk.com", team: null });

    for (const source of vendor.data.tickets) {
      const stored = tickets.find((t) => t.external_id === String(source.id))!;
      const firstResponse = source.stats.first_responded_at;
      expect(stored.first_response_at?.getTime() ?? null, `ticket ${source.id}`).toBe(firstResponse ? Date.parse(firstResponse) : null);
      if (firstResponse) {
        expect(stored.first_response_at!.getTime() - stored.created_at.getTime()).toBe(Date.parse(firstResponse) - Date.parse(source.created_at));
      }
    }
    const ticket20 = tickets.find((t) => t.external_id === "20")!;
    // Status 2, priority 1, source 3, group 2, responder 3.
    expect(ticket20).toMatchObject({ status: "open", priority: "low", channel: "phone", team: "2", assignee: "3" });
    // Status 5, priority 4, source 7.
    expect(tickets.find((t) => t.external_id === "3")).toMatchObject({ status: "closed", priority: "urgent", channel: "chat" });
    const solved = tickets.find((t) => t.external_id === "2")!;
    expect(solved).toMatchObject({ status: "solved", channel: "phone" });
    expect(solved.resolved_at?.toISOString()).toBe(new Date(vendor.data.tickets[1]!.stats.resolved_at!).toISOString());

    const messages = snapshot.messages as { external_id: string; author: string; agent: string | null; public: boolean | null }[];
    expect(messages).toHaveLength(TICKET_COUNT + vendor.data.conversations.length);
    const note = vendor.data.conversations.find((c) => c.private)!;
    expect(messages.find((m) => m.external_id === `${note.ticket_id}-${note.id}`)).toMatchObject({ author: "agent", public: false });
    const incoming = vendor.data.conversations.find((c) => c.incoming)!;
    expect(messages.find((m) => m.external_id === `${incoming.ticket_id}-${incoming.id}`)).toMatchObject({ author: "customer", agent: null, public: true });

    const surveys = snapshot.surveys as { external_id: string; kind: string; score: number; ticket: string }[];
    expect(surveys).toHaveLength(RATING_COUNT);
    // 103, 102, 101, 100, -101, -102, -103 → 5, 4, 4, 3, 2, 2, 1.
    expect(surveys.slice(0, 7).map((s) => s.score)).toEqual([5, 4, 4, 3, 2, 2, 1]);
    expect(surveys[0]).toMatchObject({ kind: "csat", ticket: "1" });
  }, FULL_READ_TIMEOUT_MS);

  test("a second full read changes nothing", async () => {
    await syncUntilDone(freshdeskAdapter, db().prisma, null);
    expect(await snapshotRecords(db().prisma)).toEqual(firstRead);
  }, FULL_READ_TIMEOUT_MS);

  test("resuming from a cursor half-way gives the same records as an uninterrupted read", async () => {
    await clearRecords(db().prisma);
    const firstPages = await syncUntilDone(freshdeskAdapter, db().prisma, null, 3);
    expect(firstPages.at(-1)?.done).toBe(false);
    // A restart: the engine has only the stored cursor.
    await syncUntilDone(freshdeskAdapter, db().prisma, firstPages.at(-1)!.cursor);
    expect(await snapshotRecords(db().prisma)).toEqual(firstRead);
  }, FULL_READ_TIMEOUT_MS);

  test("the next run after done re-reads only the last window", async () => {
    const pages = await syncUntilDone(freshdeskAdapter, db().prisma, null);
    const before = vendor.requests.length;
    const rerun = await syncUntilDone(freshdeskAdapter, db().prisma, pages.at(-1)!.cursor);
    expect(rerun.at(-1)?.done).toBe(true);
    expect(rerun.flatMap((page) => page.batch.tickets ?? []).length).toBeLessThan(TICKET_COUNT);
    expect(vendor.requests.length - before).toBeGreaterThan(0);
    expect(await snapshotRecords(db().prisma)).toEqual(firstRead);
  }, FULL_READ_TIMEOUT_MS);
});

describe("Freshdesk ticket window", () => {
  const ticketsAt = (updatedAt: string) => [{ id: 1, status: 2, source: 1, created_at: "2026-11-01T00:00:00Z", updated_at: updatedAt }];

  test("restarts one second before the last ticket, or turns the page when that does not move it", () => {
    expect(nextTicketWindow("2026-11-01T00:00:00Z", 4, ticketsAt("2026-11-01T01:00:00Z"))).toEqual({ since: "2026-11-01T00:59:59Z", page: 1 });
    expect(nextTicketWindow("2026-11-01T00:59:59Z", 1, ticketsAt("2026-11-01T01:00:00Z"))).toEqual({ since: "2026-11-01T00:59:59Z", page: 2 });
  });

  test("says so rather than ask for page 301 when 30,000 tickets share two seconds", () => {
    expect(() => nextTicketWindow("2026-11-01T00:59:59Z", FRESHDESK_MAX_TICKET_PAGE, ticketsAt("2026-11-01T01:00:00Z"))).toThrow(VendorPermanentError);
  });
});

describe("Freshdesk errors and webhooks", () => {
  test("a 429 is a VendorRateLimitedError with Retry-After's seconds", async () => {
    vendor.rateLimitNext(17);
    const error = await freshdeskAdapter.fetchPage(contextFor(), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorRateLimitedError);
    expect((error as VendorRateLimitedError).retryAfterSeconds).toBe(17);
  });

  test("a wrong API key is a permanent error that says what to check", async () => {
    const error = await freshdeskAdapter.fetchPage(contextFor({ apiKey: "wrong" }), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorPermanentError);
    expect((error as Error).message).toMatch(/Freshdesk refused the credentials \(401\)/);
  });

  test("the secrets schema names a missing API key", () => {
    const result = freshdeskAdapter.secrets.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["apiKey"]);
  });

  const delivery = (secret: string, body: unknown) => ({
    headers: new Headers({ [FRESHDESK_SECRET_HEADER]: secret, "content-type": "application/json" }),
    rawBody: JSON.stringify(body),
  });

  test("verify accepts the shared secret and takes the delivery id from ticket id and updated_at", () => {
    const verdict = freshdeskAdapter.webhook!.verify(
      delivery(WEBHOOK_SECRET, { freshdesk_webhook: { ticket_id: 20, updated_at: "2026-11-01T01:20:00Z" } }),
      { apiKey: FAKE_FRESHDESK_KEY, webhookSecret: WEBHOOK_SECRET },
    );
    expect(verdict).toEqual({ ok: true, deliveryId: "freshdesk:20:2026-11-01T01:20:00.000Z", signedAt: new Date("2026-11-01T01:20:00Z") });
  });

  test("verify refuses a wrong or missing secret and a body without the ticket", () => {
    const secrets = { apiKey: FAKE_FRESHDESK_KEY, webhookSecret: WEBHOOK_SECRET };
    const body = { ticket_id: 20, updated_at: "2026-11-01T01:20:00Z" };
    expect(freshdeskAdapter.webhook!.verify(delivery("a-long-shared-secret-for-webhookz", body), secrets)).toMatchObject({ ok: false });
    expect(freshdeskAdapter.webhook!.verify(delivery("", body), secrets)).toMatchObject({ ok: false });
    expect(freshdeskAdapter.webhook!.verify(delivery(WEBHOOK_SECRET, body), { apiKey: FAKE_FRESHDESK_KEY })).toMatchObject({ ok: false });
    expect(freshdeskAdapter.webhook!.verify(delivery(WEBHOOK_SECRET, { ticket_id: 20 }), secrets)).toMatchObject({ ok: false });
    expect(freshdeskAdapter.webhook!.verify({ headers: new Headers({ [FRESHDESK_SECRET_HEADER]: WEBHOOK_SECRET }), rawBody: "{" }, secrets)).toMatchObject({ ok: false });
  });

  test("toBatch reads the ticket and its conversations", async () => {
    const batch = await freshdeskAdapter.webhook!.toBatch(contextFor(), { ticket_id: "20", updated_at: "2026-11-01T01:20:00Z" });
    expect(parseIngestBatch(batch).ok).toBe(true);
    expect(batch.tickets).toEqual([
      expect.objectContaining({ externalId: "20", subject: "Support needed..", status: "open", priority: "low", channel: "phone", assignee: "3", team: "2" }),
    ]);
    expect(batch.messages?.map((m) => m.externalId)).toEqual(["20-description", ...vendor.data.conversations.filter((c) => c.ticket_id === 20).map((c) => `20-${c.id}`)]);
  });
});
