import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";

import { POST } from "@/app/api/v1/ingest/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Database } from "@/lib/db/open-database";
import { snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

// Bad ingest requests, each sent to the real route handler with a real ingest key: every one gets
// a 4xx that says what is wrong (which record and field, or which part of the request), and none
// of them stores anything. The assertions read only `status`, `error`, `message` and the `errors`
// list, the members every error shape of the API keeps.

const T0 = "2026-04-01T09:00:00Z";
const LATER = "2026-04-01T10:00:00Z";
const MB = 1_000_000;

type Body = unknown;
/** What a case sends: a JSON value (serialised), raw text or bytes, or a stream of bytes without a declared length. */
type Payload = { json: Body } | { raw: string | Uint8Array } | { stream: () => ReadableStream<Uint8Array> };

interface Expected {
  status: 400 | 413 | 415;
  error: string;
  /** The record the error list must name (kind, index and field); `field: null` for a whole record or list. */
  record?: { kind: string; index: number | null; field: string | null };
  /** Words the message must contain when there is no record to name (the body, its size, its type). */
  says?: RegExp;
}

interface HostileCase extends Expected {
  name: string;
  payload: Payload;
  headers?: Record<string, string>;
}

const ticket = (fields: Record<string, unknown> = {}) => ({ externalId: "T-1", channel: "email", status: "open", createdAt: T0, ...fields });
const call = (fields: Record<string, unknown> = {}) => ({ externalId: "C-1", queuedAt: T0, ...fields });
const survey = (fields: Record<string, unknown> = {}) => ({ externalId: "S-1", kind: "csat", score: 4, respondedAt: LATER, ...fields });
const message = (fields: Record<string, unknown> = {}) => ({ externalId: "M-1", ticket: "STORED-1", author: "customer", createdAt: LATER, ...fields });

const invalid = (kind: string, index: number | null, field: string | null): Pick<Expected, "status" | "error" | "record"> => ({
  status: 400,
  error: "invalid_records",
  record: { kind, index, field },
});
const bad = (name: string, json: Body, expected: Pick<Expected, "status" | "error" | "record">): HostileCase => ({ name, payload: { json }, ...expected });
const badJson = (name: string, raw: string | Uint8Array, says: RegExp = /JSON/): HostileCase => ({
  name,
  payload: { raw },
  status: 400,
  error: "invalid_json",
  says,
});
const utf8 = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** A body of `bytes` bytes that is valid JSON all the way (one long team name), produced as it is read. */
function endlessBody(bytes: number, pulled: { bytes: number }): () => ReadableStream<Uint8Array> {
  return () => {
    const chunk = new Uint8Array(MB).fill(0x61);
    const head = new TextEncoder().encode('{"teams":[{"externalId":"x","name":"');
    const tail = new TextEncoder().encode('"}]}');
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = sent === 0 ? head : sent + MB >= bytes ? tail : chunk;
        sent += next.byteLength;
        pulled.bytes = sent;
        controller.enqueue(next);
        if (next === tail) controller.close();
      },
    });
  };
}
const streamed = { bytes: 0 };
const fiftyMegabytes = JSON.stringify({ teams: [{ externalId: "x", name: "a".repeat(50 * MB) }] });

const CASES: HostileCase[] = [
  // The body is not JSON at all.
  badJson("truncated JSON", '{"teams": ['),
  badJson("a trailing comma", '{"teams": [],}'),
  badJson("single-quoted keys", "{'teams': []}"),
  badJson("an empty body", "", /empty|JSON/),
  badJson("a bare word", "tickets"),
  badJson("NaN, which JSON does not have", '{"calls":[{"externalId":"C-1","talkSeconds":NaN}]}'),
  badJson("two JSON documents", "{} {}"),
  badJson("a comment", '{/* teams */ "teams": []}'),
  badJson("invalid UTF-8 bytes in a string", utf8('{"teams":[{"externalId":"', [0xff, 0xfe], '","name":"x"}]}'), /utf-8/i),
  badJson("an overlong UTF-8 encoding of '/'", utf8('{"teams":[{"externalId":"', [0xc0, 0xaf], '","name":"x"}]}'), /utf-8/i),
  badJson("a surrogate encoded as UTF-8 bytes (CESU)", utf8('{"teams":[{"externalId":"', [0xed, 0xa0, 0x80], '","name":"x"}]}'), /utf-8/i),
  badJson("a UTF-8 sequence cut off at the end", utf8('{"teams":[]}', [0xe2, 0x82]), /utf-8/i),
  // The body is JSON but not a batch.
  bad("an array instead of an object", [], invalid("batch", null, null)),
  bad("null", null, invalid("batch", null, null)),
  bad("a string", "tickets", invalid("batch", null, null)),
  bad("a number", 42, invalid("batch", null, null)),
  bad("an unknown record kind", { widgets: [] }, invalid("batch", null, "widgets")),
  bad("__proto__ as a record kind", JSON.parse('{"__proto__": [{"externalId": "x"}]}'), invalid("batch", null, "__proto__")),
  bad("constructor as a record kind", { constructor: [] }, invalid("batch", null, "constructor")),
  bad("toString as a record kind", { toString: [{}] }, invalid("batch", null, "toString")),
  bad("a list that is an object", { tickets: { 0: ticket() } }, invalid("tickets", null, null)),
  bad("a list that is a string", { teams: "billing" }, invalid("teams", null, null)),
  bad("a record that is null", { tickets: [null] }, invalid("tickets", 0, null)),
  bad("a record that is an array", { calls: [[call()]] }, invalid("calls", 0, null)),
  // Missing, unknown and mistyped fields.
  bad("a team without a name", { teams: [{ externalId: "billing" }] }, invalid("teams", 0, "name")),
  bad("a team name of spaces only", { teams: [{ externalId: "billing", name: "   " }] }, invalid("teams", 0, "name")),
  bad("an externalId that is a number", { teams: [{ externalId: 7, name: "Seven" }] }, invalid("teams", 0, "externalId")),
  bad("an empty externalId", { tickets: [ticket({ externalId: "" })] }, invalid("tickets", 0, "externalId")),
  bad("an externalId of 201 characters", { tickets: [ticket({ externalId: "x".repeat(201) })] }, invalid("tickets", 0, "externalId")),
  bad("an unknown field on a ticket", { tickets: [ticket({ colour: "red" })] }, invalid("tickets", 0, "colour")),
  bad("constructor as a field", { teams: [{ externalId: "a", name: "A", constructor: 1 }] }, invalid("teams", 0, "constructor")),
  bad("a ticket without a status", { tickets: [{ externalId: "T-1", channel: "email", createdAt: T0 }] }, invalid("tickets", 0, "status")),
  bad("a ticket without createdAt", { tickets: [{ externalId: "T-1", channel: "email", status: "new" }] }, invalid("tickets", 0, "createdAt")),
  bad("an unknown channel", { tickets: [ticket({ channel: "fax" })] }, invalid("tickets", 0, "channel")),
  bad("an unknown priority", { tickets: [ticket({ priority: "critical" })] }, invalid("tickets", 0, "priority")),
  bad("a subject of 1,001 characters", { tickets: [ticket({ subject: "s".repeat(1_001) })] }, invalid("tickets", 0, "subject")),
  bad("negative reopens", { tickets: [ticket({ reopens: -1 })] }, invalid("tickets", 0, "reopens")),
  bad("fractional reopens", { tickets: [ticket({ reopens: 1.5 })] }, invalid("tickets", 0, "reopens")),
  bad("an agent email that is not one", { agents: [{ externalId: "ann", name: "Ann", email: "ann at example" }] }, invalid("agents", 0, "email")),
  bad("an unknown message author", { messages: [message({ author: "bot" })] }, invalid("messages", 0, "author")),
  bad("public as a string", { messages: [message({ public: "yes" })] }, invalid("messages", 0, "public")),
  bad("a call direction that is neither", { calls: [call({ direction: "sideways" })] }, invalid("calls", 0, "direction")),
  bad("talk seconds as a string", { calls: [call({ talkSeconds: "30" })] }, invalid("calls", 0, "talkSeconds")),
  bad("a kb view without a visitor", { kbViews: [{ article: "refunds", viewedAt: T0 }] }, invalid("kbViews", 0, "visitor")),
  bad("an unknown agent status", { agentStatus: [{ agent: "ann", status: "lunch", at: T0 }] }, invalid("agentStatus", 0, "status")),
  bad("a survey without a kind", { surveys: [{ externalId: "S-1", score: 4, respondedAt: T0 }] }, invalid("surveys", 0, "kind")),
  {
    name: "10,000 levels of nesting as an id",
    payload: { raw: `{"teams":[{"externalId":${nested(10_000)},"name":"x"}]}` },
    ...invalid("teams", 0, "externalId"),
  },
  {
    name: "100,000 levels of nesting as a record",
    payload: { raw: `{"tickets":[${nested(100_000)}]}` },
    ...invalid("tickets", 0, null),
  },
  // Timestamps.
  bad("a timestamp without an offset", { tickets: [ticket({ createdAt: "2026-04-01T09:00:00" })] }, invalid("tickets", 0, "createdAt")),
  bad("a date without a time", { tickets: [ticket({ createdAt: "2026-04-01" })] }, invalid("tickets", 0, "createdAt")),
  bad("30 February", { tickets: [ticket({ createdAt: "2026-02-30T09:00:00Z" })] }, invalid("tickets", 0, "createdAt")),
  bad("hour 25", { tickets: [ticket({ createdAt: "2026-04-01T25:00:00Z" })] }, invalid("tickets", 0, "createdAt")),
  bad("epoch milliseconds instead of ISO 8601", { tickets: [ticket({ createdAt: Date.parse(T0) })] }, invalid("tickets", 0, "createdAt")),
  bad("year 0", { tickets: [ticket({ createdAt: "0000-01-01T00:00:00Z" })] }, invalid("tickets", 0, "createdAt")),
  bad("a second before 1970", { calls: [call({ queuedAt: "1969-12-31T23:59:59Z" })] }, invalid("calls", 0, "queuedAt")),
  bad("1970 in UTC+1, which is 1969 in UTC", { kbViews: [{ article: "a", visitor: "v", viewedAt: "1970-01-01T00:30:00+01:00" }] }, invalid("kbViews", 0, "viewedAt")),
  bad("the year 2101", { surveys: [survey({ respondedAt: "2101-01-01T00:00:00Z" })] }, invalid("surveys", 0, "respondedAt")),
  bad("a status change at 9999", { agentStatus: [{ agent: "ann", status: "busy", at: "9999-12-31T23:59:59Z" }] }, invalid("agentStatus", 0, "at")),
  // Impossible orders.
  bad("a first response an hour before the ticket", { tickets: [ticket({ createdAt: LATER, firstResponseAt: T0 })] }, invalid("tickets", 0, "firstResponseAt")),
  bad("a resolution 6 s before the ticket", { tickets: [ticket({ resolvedAt: "2026-04-01T08:59:54Z" })] }, invalid("tickets", 0, "resolvedAt")),
  bad("a call answered before it was queued", { calls: [call({ queuedAt: LATER, answeredAt: T0 })] }, invalid("calls", 0, "answeredAt")),
  bad("a call that ended before it was answered", { calls: [call({ answeredAt: LATER, endedAt: "2026-04-01T09:30:00Z" })] }, invalid("calls", 0, "endedAt")),
  bad("an unanswered call that ended before it was queued", { calls: [call({ queuedAt: LATER, endedAt: T0 })] }, invalid("calls", 0, "endedAt")),
  bad(
    "a message before its ticket in the same batch",
    { tickets: [ticket({ createdAt: LATER })], messages: [message({ ticket: "T-1", createdAt: T0 })] },
    invalid("messages", 0, "createdAt"),
  ),
  bad("a message before its stored ticket", { messages: [message({ createdAt: "2026-03-01T00:00:00Z" })] }, invalid("messages", 0, "createdAt")),
  // Durations and scores.
  bad("negative talk seconds", { calls: [call({ talkSeconds: -1 })] }, invalid("calls", 0, "talkSeconds")),
  bad("negative hold seconds", { calls: [call({ holdSeconds: -5 })] }, invalid("calls", 0, "holdSeconds")),
  bad("negative wrap-up seconds", { calls: [call({ wrapUpSeconds: -30 })] }, invalid("calls", 0, "wrapUpSeconds")),
  bad("talk seconds of more than a year", { calls: [call({ talkSeconds: 40_000_000 })] }, invalid("calls", 0, "talkSeconds")),
  bad("fractional hold seconds", { calls: [call({ holdSeconds: 2.5 })] }, invalid("calls", 0, "holdSeconds")),
  bad("a CSAT of 6", { surveys: [survey({ score: 6 })] }, invalid("surveys", 0, "score")),
  bad("a CSAT of 0", { surveys: [survey({ score: 0 })] }, invalid("surveys", 0, "score")),
  bad("an NPS of -1", { surveys: [survey({ kind: "nps", score: -1 })] }, invalid("surveys", 0, "score")),
  bad("an NPS of 11", { surveys: [survey({ kind: "nps", score: 11 })] }, invalid("surveys", 0, "score")),
  bad("a CES of 0", { surveys: [survey({ kind: "ces", score: 0 })] }, invalid("surveys", 0, "score")),
  bad("an eNPS of 11", { surveys: [survey({ kind: "enps", score: 11 })] }, invalid("surveys", 0, "score")),
  bad("a score of 4.5", { surveys: [survey({ score: 4.5 })] }, invalid("surveys", 0, "score")),
  bad("a score as a string", { surveys: [survey({ score: "4" })] }, invalid("surveys", 0, "score")),
  // Text that cannot be stored as it came.
  bad("a NUL in an externalId", { teams: [{ externalId: "t\u0000x", name: "Nul" }] }, invalid("teams", 0, "externalId")),
  bad("a NUL in a subject", { tickets: [ticket({ subject: "hello\u0000world" })] }, invalid("tickets", 0, "subject")),
  bad("a lone high surrogate in an id", { tickets: [ticket({ externalId: "T-\ud800" })] }, invalid("tickets", 0, "externalId")),
  bad("a lone low surrogate in a comment", { surveys: [survey({ comment: "great \udc00" })] }, invalid("surveys", 0, "comment")),
  bad("a surrogate pair in the wrong order", { teams: [{ externalId: "billing", name: "\udc00\ud800" }] }, invalid("teams", 0, "name")),
  {
    name: "a lone surrogate written as a JSON escape",
    payload: { raw: '{"agents":[{"externalId":"ann","name":"Ann \\ud83d"}]}' },
    ...invalid("agents", 0, "name"),
  },
  // References and atomicity: valid records do not get stored beside a bad one.
  bad("a message about an unknown ticket", { messages: [message({ ticket: "T-404" })] }, invalid("messages", 0, "ticket")),
  bad("a survey about an unknown ticket", { surveys: [survey({ ticket: "T-404" })] }, invalid("surveys", 0, "ticket")),
  bad(
    "one bad record after many good ones",
    { teams: Array.from({ length: 50 }, (_, i) => ({ externalId: `team-${i}`, name: `Team ${i}` })), tickets: [ticket(), ticket({ externalId: "T-2", channel: "pigeon" })] },
    invalid("tickets", 1, "channel"),
  ),
  bad(
    "good records and a reference found bad only in the database",
    { teams: [{ externalId: "billing", name: "Billing" }], tickets: [ticket()], surveys: [survey({ ticket: "T-405" })] },
    invalid("surveys", 0, "ticket"),
  ),
  // Size.
  {
    name: "5,001 records",
    payload: { json: { kbViews: Array.from({ length: 5_001 }, (_, i) => ({ article: "a", visitor: `v${i}`, viewedAt: T0 })) } },
    status: 413,
    error: "too_many_records",
    says: /5,?000/,
  },
  {
    name: "5,001 records over two kinds",
    payload: {
      json: {
        tickets: Array.from({ length: 2_501 }, (_, i) => ticket({ externalId: `T-${i}` })),
        kbViews: Array.from({ length: 2_500 }, (_, i) => ({ article: "a", visitor: `v${i}`, viewedAt: T0 })),
      },
    },
    status: 413,
    error: "too_many_records",
    says: /5,?000/,
  },
  {
    name: "50 MB with its Content-Length",
    payload: { raw: fiftyMegabytes },
    headers: { "content-length": String(fiftyMegabytes.length) },
    status: 413,
    error: "payload_too_large",
    says: /MB/,
  },
  { name: "50 MB streamed without a Content-Length", payload: { stream: endlessBody(50 * MB, streamed) }, status: 413, error: "payload_too_large", says: /MB/ },
  {
    name: "50 MB declaring a small Content-Length",
    payload: { raw: fiftyMegabytes },
    headers: { "content-length": "100" },
    status: 413,
    error: "payload_too_large",
    says: /MB/,
  },
  // Content types.
  ...[undefined, "text/plain", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonp"].map(
    (contentType): HostileCase => ({
      name: `content type ${contentType ?? "(none)"}`,
      // Bytes, so that no content type is implied (a string body would default to text/plain).
      payload: { raw: Buffer.from(JSON.stringify({ tickets: [ticket()] })) },
      headers: { "content-type": contentType ?? "" },
      status: 415,
      error: "unsupported_media_type",
      says: /application\/json/,
    }),
  ),
];

function requestFor(key: string, payload: Payload, extraHeaders: Record<string, string> = {}): Request {
  const headers = new Headers({ "content-type": "application/json", authorization: `Bearer ${key}`, ...extraHeaders });
  if (headers.get("content-type") === "") headers.delete("content-type");
  const url = "http://localhost/api/v1/ingest";
  if ("stream" in payload) return new Request(url, { method: "POST", headers, body: payload.stream(), duplex: "half" } as RequestInit);
  const body = "json" in payload ? JSON.stringify(payload.json) : payload.raw;
  return new Request(url, { method: "POST", headers, body: body as BodyInit });
}

test("the hostile cases are at least 60 distinct requests", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

describeEachDatabase("hostile ingest requests", ({ db }) => {
  const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database> };
  let key = "";
  let before: Awaited<ReturnType<typeof snapshotRecords>>;

  beforeAll(async () => {
    holder.__deskpulseDb = Promise.resolve(db());
    key = (await createApiKey(db().prisma, { kind: "ingest", name: "hostile" })).key;
    // A stored ticket for the message that predates it, and data that must come through untouched.
    const stored = { tickets: [ticket({ externalId: "STORED-1", createdAt: "2026-03-15T00:00:00Z" })], teams: [{ externalId: "billing", name: "Billing" }] };
    const seeded = await POST(requestFor(key, { json: stored }), undefined as never);
    expect(seeded.status).toBe(200);
  });
  afterAll(() => {
    holder.__deskpulseDb = undefined;
  });
  beforeEach(async () => {
    before = await snapshotRecords(db().prisma);
  });

  test.each(CASES)("$name: $status $error, nothing stored", async (testCase) => {
    const response = await POST(requestFor(key, testCase.payload, testCase.headers), undefined as never);
    expect(response.status).toBe(testCase.status);
    const body = (await response.json()) as { error?: string; message?: string; errors?: unknown[] };
    expect(body.error).toBe(testCase.error);
    expect(typeof body.message).toBe("string");
    if (testCase.record) expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining(testCase.record)]));
    if (testCase.says) expect(body.message).toMatch(testCase.says);
    expect(await snapshotRecords(db().prisma)).toEqual(before);
  });

  test("a streamed body is cut off at the limit, not read to its end", () => {
    expect(streamed.bytes).toBeGreaterThan(10 * MB);
    expect(streamed.bytes).toBeLessThan(12 * MB);
  });
});
