import { createHmac } from "node:crypto";

import { afterAll, beforeAll, expect, test } from "vitest";

import { POST } from "@/app/api/v1/webhooks/[connection]/route";
import { FAKE_ZENDESK_EMAIL, FAKE_ZENDESK_TOKEN, startFakeZendesk, type FakeZendesk } from "@/lib/testing/fake-zendesk";
import { useRouteDatabase } from "@/lib/testing/route-database";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createConnection } from "./manage-connections";

const SIGNING_SECRET = "dGhpcyBpcyBhIHNpZ25pbmcgc2VjcmV0";

function sign(body: string, timestamp: string, secret = SIGNING_SECRET): string {
  return createHmac("sha256", secret).update(timestamp + body).digest("base64");
}

describeEachDatabase("POST /api/v1/webhooks/[connection]", ({ db }) => {
  useRouteDatabase(db);
  let zendesk: FakeZendesk;
  let id: number;
  beforeAll(async () => {
    zendesk = await startFakeZendesk({ tickets: 20 });
    ({ id } = await createConnection(db().prisma, {
      kind: "zendesk",
      name: "Support",
      baseUrl: zendesk.url,
      since: "2025-12-01",
      secrets: { email: FAKE_ZENDESK_EMAIL, token: FAKE_ZENDESK_TOKEN, webhookSecret: SIGNING_SECRET },
    }));
  });
  afterAll(() => zendesk.close());

  const deliver = (body: string, headers: Record<string, string>, connection = id) =>
    POST(new Request(`http://localhost/api/v1/webhooks/${connection}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }), {
      params: Promise.resolve({ connection: String(connection) }),
    });

  // The shape of a Zendesk event-subscription delivery (ticket events), trimmed to what is read.
  const body = JSON.stringify({ type: "zen:event-type:ticket.comment_added", id: "01HQ", detail: { id: "7" }, event: {} });

  test("a validly signed delivery is stored with the ticket's metrics and comments; the same delivery again is 409", async () => {
    const timestamp = new Date().toISOString();
    const headers = {
      "x-zendesk-webhook-signature": sign(body, timestamp),
      "x-zendesk-webhook-signature-timestamp": timestamp,
      "x-zendesk-webhook-invocation-id": "inv-1",
    };
    const accepted = await deliver(body, headers);
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ stored: 3 });
    const ticket = await db().prisma.ticket.findUniqueOrThrow({ where: { externalId: "zd-ticket-7" }, include: { messages: true } });
    expect(ticket).toMatchObject({ status: "new", channel: "web", firstResponseAt: new Date("2026-01-01T00:07:00Z") });
    expect(ticket.messages.map((m) => m.author).sort()).toEqual(["agent", "customer"]);

    const replayed = await deliver(body, headers);
    expect(replayed.status).toBe(409);
    expect(await replayed.json()).toMatchObject({ error: "replayed_delivery" });
  });

  test("a tampered body, a wrong secret and missing headers are 401 and store nothing", async () => {
    const timestamp = new Date().toISOString();
    const tamperedBody = body.replace('"7"', '"8"');
    const tampered = await deliver(tamperedBody, { "x-zendesk-webhook-signature": sign(body, timestamp), "x-zendesk-webhook-signature-timestamp": timestamp });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: "invalid_signature", detail: "The delivery was refused: the signature does not match." });
    const wrongSecret = await deliver(tamperedBody, { "x-zendesk-webhook-signature": sign(tamperedBody, timestamp, "other"), "x-zendesk-webhook-signature-timestamp": timestamp });
    expect(wrongSecret.status).toBe(401);
    expect((await deliver(tamperedBody, {})).status).toBe(401);
    expect(await db().prisma.ticket.count({ where: { externalId: "zd-ticket-8" } })).toBe(0);
  });

  test("a delivery signed more than 5 minutes ago is refused as a replay, even with a new id", async () => {
    const timestamp = new Date(Date.now() - 6 * 60_000).toISOString();
    const old = await deliver(body, {
      "x-zendesk-webhook-signature": sign(body, timestamp),
      "x-zendesk-webhook-signature-timestamp": timestamp,
      "x-zendesk-webhook-invocation-id": "inv-2",
    });
    expect(old.status).toBe(401);
    expect(await old.json()).toMatchObject({ error: "stale_signature" });
  });

  test("an unknown connection is 404 and an oversized body 413", async () => {
    expect((await deliver(body, {}, 999_999)).status).toBe(404);
    const huge = JSON.stringify({ ticket_id: 1, padding: "x".repeat(300_000) });
    expect((await deliver(huge, {})).status).toBe(413);
  });
});
