import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { clearRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { handleIngestRequest } from "./handle-ingest-request";
import { importRecords } from "./import-records";
import { emitRecordsIngested, onRecordsIngested, type RecordsIngested } from "./ingest-events";

const T0 = "2026-04-01T09:00:00Z";
const ticket = { externalId: "T-1", channel: "email", status: "open", createdAt: T0 };
const NONE = { teams: 0, agents: 0, tickets: 0, messages: 0, calls: 0, surveys: 0, kbViews: 0, agentStatus: 0 };

let unsubscribe: (() => void) | undefined;
afterEach(() => unsubscribe?.());

test("a listener subscribed again under its name replaces itself; one that throws does not stop the others", () => {
  const calls: string[] = [];
  const event = { prisma: {} as RecordsIngested["prisma"], stored: NONE };
  onRecordsIngested("test-a", () => calls.push("a, first"));
  const offA = onRecordsIngested("test-a", () => calls.push("a, again"));
  const offB = onRecordsIngested("test-b", () => {
    throw new Error("boom");
  });
  const offC = onRecordsIngested("test-c", () => calls.push("c"));
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  emitRecordsIngested(event);
  expect(calls).toEqual(["a, again", "c"]);
  expect(error).toHaveBeenCalledWith(expect.stringContaining("the test-b listener of ingested records failed: boom"));
  error.mockRestore();
  [offA, offB, offC].forEach((off) => off());
  emitRecordsIngested(event);
  expect(calls).toEqual(["a, again", "c"]);
});

describeEachDatabase("records ingested event", ({ db }) => {
  let events: RecordsIngested[] = [];
  beforeEach(async () => {
    await clearRecords(db().prisma);
    events = [];
    unsubscribe = onRecordsIngested("test", (event) => events.push(event));
  });

  const post = (body: unknown) => handleIngestRequest(db().prisma, body);


  test("the ingest API emits once per accepted batch, with what it stored", async () => {
    expect((await post({ tickets: [ticket] })).status).toBe(200);
    expect(events.map((e) => e.stored)).toEqual([{ ...NONE, tickets: 1 }]);
    expect(events[0]!.prisma).toBe(db().prisma);
  });

  test("the ingest API emits nothing for a batch it refuses, in validation or in the database", async () => {
    expect((await post({ tickets: [{ ...ticket, channel: "fax" }] })).status).toBe(400);
    expect((await post({ messages: [{ externalId: "M-1", ticket: "T-404", author: "customer", createdAt: T0 }] })).status).toBe(400);
    expect(events).toEqual([]);
  });

  test("a CSV import chunk emits once when stored, never when refused", async () => {
    expect(await importRecords(db(), "tickets", [ticket])).toMatchObject({ ok: true });
    expect(await importRecords(db(), "tickets", [{ ...ticket, channel: "fax" }])).toMatchObject({ ok: false });
    expect(await importRecords(db(), "messages", [{ externalId: "M-1", ticket: "T-404", author: "customer", createdAt: T0 }])).toMatchObject({ ok: false });
    expect(events.map((e) => e.stored)).toEqual([{ ...NONE, tickets: 1 }]);
  });
});
