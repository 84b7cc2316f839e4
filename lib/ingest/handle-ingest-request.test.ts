import { beforeAll, beforeEach, describe, expect, test } from "vitest";

import { createApiKey } from "@/lib/auth/api-keys";
import { POST } from "@/app/api/v1/ingest/route";
import { useRouteDatabase } from "@/lib/testing/route-database";
import { clearRecords, snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

const T0 = "2026-04-01T09:00:00Z";

const validBatch = () => ({
  teams: [{ externalId: "billing", name: "Billing" }],
  agents: [{ externalId: "ann", name: "Ann Lee", email: "ann@example.com", team: "billing" }],
  tickets: [
    {
      externalId: "T-1", channel: "email", priority: "high", subject: "Charged twice", team: "billing", assignee: "ann",
      status: "solved", createdAt: T0, firstResponseAt: "2026-04-01T09:30:00Z", resolvedAt: "2026-04-01T11:00:00+02:00", reopens: 0,
    },
  ],
  messages: [
    { externalId: "M-1", ticket: "T-1", author: "customer", createdAt: T0 },
    { externalId: "M-2", ticket: "T-1", author: "agent", agent: "ann", createdAt: "2026-04-01T09:30:00Z" },
    { externalId: "M-3", ticket: "T-1", author: "agent", agent: "ann", createdAt: "2026-04-01T09:31:00Z", public: false },
  ],
  calls: [
    { externalId: "C-1", queue: "billing-line", agent: "bob", team: "billing", queuedAt: T0, answeredAt: "2026-04-01T09:00:12Z",
      endedAt: "2026-04-01T09:05:00Z", talkSeconds: 270, holdSeconds: 18, wrapUpSeconds: 30 },
    { externalId: "C-2", queue: "billing-line", queuedAt: T0 },
  ],
  surveys: [{ externalId: "S-1", kind: "csat", score: 5, respondedAt: "2026-04-01T12:00:00Z", ticket: "T-1", agent: "ann" }],
  kbViews: [{ article: "refunds", visitor: "v1", viewedAt: T0 }],
  agentStatus: [{ agent: "ann", status: "available", at: T0 }],
});

describeEachDatabase("POST /api/v1/ingest", ({ db }) => {
  let ingestKey = "";
  let kpiKey = "";
  useRouteDatabase(db);
  beforeAll(async () => {
    ingestKey = (await createApiKey(db().prisma, { kind: "ingest", name: "test" })).key;
    kpiKey = (await createApiKey(db().prisma, { kind: "kpi", name: "reader" })).key;
  });
  beforeEach(async () => clearRecords(db().prisma));

  const post = (body: unknown, init: { key?: string | null; contentType?: string; raw?: string; headers?: Record<string, string> } = {}) => {
    const request = new Request("http://localhost/api/v1/ingest", {
      method: "POST",
      headers: {
        "content-type": init.contentType ?? "application/json",
        ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? ingestKey}` }),
        ...init.headers,
      },
      body: init.raw ?? JSON.stringify(body),
    });
    return POST(request);
  };

  /** Asserts the response is the given error and that the database is exactly as before. */
  async function expectRejected(response: Response, status: number, error: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { type: string; status: number; error: string; errors?: unknown[]; invalid_params?: unknown[] };
    expect(body).toMatchObject({ type: `urn:deskpulse:problem:${error}`, status, error });
    expect(await snapshotRecords(db().prisma)).toEqual(empty);
    return body;
  }
  let empty: Awaited<ReturnType<typeof snapshotRecords>>;
  beforeEach(async () => {
    empty = await snapshotRecords(db().prisma);
  });

  test("stores a valid batch, creating referenced agents and queues", async () => {
    const response = await post(validBatch());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      stored: { teams: 1, agents: 1, tickets: 1, messages: 3, calls: 2, surveys: 1, kbViews: 1, agentStatus: 1 },
    });
    const data = await snapshotRecords(db().prisma);
    expect(data.agents).toEqual([
      { external_id: "ann", name: "Ann Lee", email: "ann@example.com", team: "billing" },
      { external_id: "bob", name: "bob", email: null, team: null },
    ]);
    expect(data.queues).toEqual([{ external_id: "billing-line", name: "billing-line" }]);
    expect(data.tickets).toMatchObject([{ external_id: "T-1", team: "billing", assignee: "ann", priority: "high" }]);
    // Stored as UTC whatever offset the timestamp came with.
    expect((data.tickets as { resolved_at: Date }[])[0]!.resolved_at.toISOString()).toBe("2026-04-01T09:00:00.000Z");
    expect(data.calls).toMatchObject([{ external_id: "C-1", agent: "bob" }, { external_id: "C-2", ended_at: null, answered_at: null }]);
  });

  test("401 without a key, and with an unknown one", async () => {
    await expectRejected(await post(validBatch(), { key: null }), 401, "unauthorized");
    await expectRejected(await post(validBatch(), { key: "dpi_not-a-real-key" }), 401, "unauthorized");
  });

  test("403 with a KPI read key", async () => {
    await expectRejected(await post(validBatch(), { key: kpiKey }), 403, "forbidden");
  });

  test("415 for a body that is not JSON", async () => {
    await expectRejected(await post(validBatch(), { contentType: "text/csv" }), 415, "unsupported_media_type");
  });

  test("400 for malformed JSON", async () => {
    await expectRejected(await post(null, { raw: '{"teams": [' }), 400, "invalid_json");
  });

  test("413 beyond 5,000 records, before validating any", async () => {
    const kbViews = Array.from({ length: 5_001 }, (_, i) => ({ article: "a", visitor: `v${i}`, viewedAt: T0 }));
    await expectRejected(await post({ kbViews }), 413, "too_many_records");
  });

  test("413 for a body over the size limit, by declared length and by actual bytes", async () => {
    const big = JSON.stringify({ teams: [{ externalId: "x", name: "y".repeat(11_000_000) }] });
    await expectRejected(await post(null, { raw: big }), 413, "payload_too_large");
    await expectRejected(await post(null, { raw: "{}", headers: { "content-length": "50000000" } }), 413, "payload_too_large");
  });

  test("400 naming each bad record by index and field; nothing stored", async () => {
    const batch = validBatch();
    (batch.tickets[0] as Record<string, unknown>).colour = "red";
    batch.tickets.push({ ...batch.tickets[0]!, externalId: "T-2", createdAt: "2026-04-01T09:00:00", channel: "fax" } as never);
    batch.surveys.push({ externalId: "S-2", kind: "nps", score: 11, respondedAt: T0 } as never);
    batch.teams.push({ externalId: "t\u0000x", name: "Nul" });
    const body = await expectRejected(await post(batch), 400, "invalid_records");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { kind: "tickets", index: 0, field: "colour", message: "unknown field" },
        { kind: "tickets", index: 1, field: "createdAt", message: "must be an ISO 8601 timestamp with an offset" },
        { kind: "tickets", index: 1, field: "channel", message: "must be one of email, chat, phone, social, web" },
        { kind: "surveys", index: 1, field: "score", message: "must be between 0 and 10 for nps" },
        { kind: "teams", index: 1, field: "externalId", message: "must not contain NUL characters" },
      ]),
    );
    expect(body.invalid_params).toEqual(
      expect.arrayContaining([
        { name: "tickets[0].colour", reason: "unknown field" },
        { name: "tickets[1].createdAt", reason: "must be an ISO 8601 timestamp with an offset" },
        { name: "teams[1].externalId", reason: "must not contain NUL characters" },
      ]),
    );
  });

  test("400 for a required field left out and an unknown record kind", async () => {
    const body = await expectRejected(await post({ tickets: [{ externalId: "T-9", channel: "chat" }], widgets: [] }), 400, "invalid_records");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { kind: "batch", index: null, field: "widgets", message: expect.stringContaining("unknown record kind") },
        { kind: "tickets", index: 0, field: "status", message: "is required" },
        { kind: "tickets", index: 0, field: "createdAt", message: "is required" },
      ]),
    );
  });

  test("a message or survey about an unknown ticket rejects the whole batch", async () => {
    const body = await expectRejected(
      await post({
        teams: [{ externalId: "support", name: "Support" }],
        messages: [{ externalId: "M-9", ticket: "T-404", author: "customer", createdAt: T0 }],
        surveys: [{ externalId: "S-9", kind: "csat", score: 4, respondedAt: T0, ticket: "T-405" }],
      }),
      400,
      "invalid_records",
    );
    expect(body.errors).toEqual([
      { kind: "messages", index: 0, field: "ticket", message: expect.stringContaining('unknown ticket "T-404"') },
      { kind: "surveys", index: 0, field: "ticket", message: expect.stringContaining('unknown ticket "T-405"') },
    ]);
  });

  test("a message about a ticket stored by an earlier batch is accepted", async () => {
    expect((await post({ tickets: validBatch().tickets })).status).toBe(200);
    expect((await post({ messages: [{ externalId: "M-7", ticket: "T-1", author: "customer", createdAt: T0 }] })).status).toBe(200);
  });

  test("timestamps are kept to the millisecond the database stores: no 500 on sub-millisecond duplicates", async () => {
    const response = await post({
      agents: [{ externalId: "ann", name: "Ann" }],
      agentStatus: [
        // The same millisecond: one status change, the last one wins.
        { agent: "ann", status: "busy", at: "2026-04-01T09:00:00.0001Z" },
        { agent: "ann", status: "available", at: "2026-04-01T09:00:00.0004Z" },
      ],
      kbViews: [
        // Different milliseconds (.000 and .001) once truncated: two views.
        { article: "a", visitor: "v", viewedAt: "2026-04-01T09:00:00.0009Z" },
        { article: "a", visitor: "v", viewedAt: "2026-04-01T09:00:00.0011Z" },
      ],
    });
    expect(response.status).toBe(200);
    const data = await snapshotRecords(db().prisma);
    expect(data.statuses).toEqual([{ agent: "ann", status: "available", at: new Date("2026-04-01T09:00:00.000Z") }]);
    expect((data.kbViews as { viewed_at: Date }[]).map((v) => v.viewed_at.toISOString())).toEqual([
      "2026-04-01T09:00:00.000Z",
      "2026-04-01T09:00:00.001Z",
    ]);
  });

  describe("idempotency", () => {
    test("sending the same batches twice changes nothing", async () => {
      await post(validBatch());
      const once = await snapshotRecords(db().prisma);
      await post(validBatch());
      expect(await snapshotRecords(db().prisma)).toEqual(once);
    });

    test("a re-sent record updates the stored one; within a batch the last one wins", async () => {
      await post(validBatch());
      const reopened = { ...validBatch().tickets[0]!, status: "open", resolvedAt: undefined, reopens: 1 };
      await post({ tickets: [{ ...reopened, subject: "first" }, { ...reopened, subject: "second" }] });
      const data = await snapshotRecords(db().prisma);
      expect(data.tickets).toMatchObject([{ external_id: "T-1", status: "open", resolved_at: null, reopens: 1, subject: "second" }]);
    });

    test("batches in another order give identical data", async () => {
      const first = [
        { teams: [{ externalId: "billing", name: "Billing" }] },
        { agents: [{ externalId: "ann", name: "Ann Lee", team: "billing" }] },
        { tickets: validBatch().tickets },
      ];
      for (const batch of first) await post(batch);
      const inOrder = await snapshotRecords(db().prisma);
      await clearRecords(db().prisma);
      for (const batch of [...first].reverse()) await post(batch);
      expect(await snapshotRecords(db().prisma)).toEqual(inOrder);
    });
  });
});
