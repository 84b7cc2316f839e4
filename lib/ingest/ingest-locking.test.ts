import pg from "pg";
import { beforeAll, expect, test } from "vitest";

import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";
import { snapshotRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { ingestBatch } from "./ingest-batch";
import { parseIngestBatch } from "./record-schemas";

const HOUR = 3_600_000;
const PAST = Math.floor((Date.now() - 5 * 24 * HOUR) / HOUR) * HOUR;
const hour = (n: number) => new Date(PAST + n * HOUR).toISOString();

function batchOf(body: unknown) {
  const parsed = parseIngestBatch(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.batch;
}

describeEachDatabase("ingest locking and message order", ({ kind, db }) => {
  beforeAll(async () => {
    await ingestBatch(db().prisma, batchOf({ tickets: [{ externalId: "T-1", channel: "chat", status: "open", createdAt: hour(0) }] }));
    // Rolled up to now: every write below goes through the triggers' dirty-hour marks.
    await refreshRollups(db().prisma);
  });

  test.runIf(kind === "postgres")("two writers marking the same rolled-up hours in opposite orders do not wait for each other", async () => {
    const a = new pg.Client({ connectionString: db().url });
    const b = new pg.Client({ connectionString: db().url });
    await Promise.all([a.connect(), b.connect()]);
    const endCall = (client: pg.Client, id: string, at: string) =>
      client.query("INSERT INTO calls (external_id, ended_at, direction) VALUES ($1, $2, 'inbound')", [id, at]);
    try {
      // Without a transaction's own key on the marks, the fourth statement waits for the third's
      // transaction, which waits for the fourth's: a deadlock, one of them aborted.
      await Promise.all([a.query("SET lock_timeout = '3s'"), b.query("SET lock_timeout = '3s'")]);
      await a.query("BEGIN");
      await b.query("BEGIN");
      await endCall(a, "A-1", hour(1));
      await endCall(b, "B-1", hour(2));
      await endCall(a, "A-2", hour(2));
      await endCall(b, "B-2", hour(1));
      await Promise.all([a.query("COMMIT"), b.query("COMMIT")]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const marks = await db().prisma.$queryRaw<{ hour: Date }[]>`SELECT DISTINCT hour FROM rollup_dirty_hours WHERE family = 'calls' ORDER BY hour`;
    expect(marks.map((m) => m.hour.toISOString())).toEqual([hour(1), hour(2)]);
    const refreshed = await refreshRollups(db().prisma);
    expect(refreshed.find((r) => r.family === "calls")?.hours).toBe(2);
    await db().prisma.$executeRaw`DELETE FROM calls`;
  });

  test("a message stamped up to 5 s before its ticket was created is stored at the ticket's creation", async () => {
    const skewed = new Date(Date.parse(hour(0)) - 3_000).toISOString();
    await ingestBatch(db().prisma, batchOf({ messages: [{ externalId: "M-stored", ticket: "T-1", author: "customer", createdAt: skewed }] }));
    await ingestBatch(
      db().prisma,
      batchOf({
        tickets: [{ externalId: "T-2", channel: "email", status: "new", createdAt: hour(3) }],
        messages: [{ externalId: "M-batch", ticket: "T-2", author: "customer", createdAt: new Date(Date.parse(hour(3)) - 4_999).toISOString() }],
      }),
    );
    const { messages } = await snapshotRecords(db().prisma);
    expect(messages).toEqual([
      expect.objectContaining({ external_id: "M-batch", created_at: new Date(hour(3)) }),
      expect.objectContaining({ external_id: "M-stored", created_at: new Date(hour(0)) }),
    ]);
  });

  test("a message more than 5 s before its ticket, stored or in the batch, is refused by index; nothing stored", async () => {
    const before = await snapshotRecords(db().prisma);
    const error = await ingestBatch(
      db().prisma,
      batchOf({
        tickets: [{ externalId: "T-3", channel: "email", status: "new", createdAt: hour(4) }],
        messages: [
          { externalId: "M-ok", ticket: "T-3", author: "customer", createdAt: hour(4) },
          { externalId: "M-early", ticket: "T-3", author: "customer", createdAt: hour(3) },
          { externalId: "M-older", ticket: "T-1", author: "customer", createdAt: new Date(Date.parse(hour(0)) - 6_000).toISOString() },
        ],
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      errors: [
        { kind: "messages", index: 1, field: "createdAt", message: expect.stringContaining('before its ticket "T-3" was created') },
        { kind: "messages", index: 2, field: "createdAt", message: expect.stringContaining("6 s earlier") },
      ],
    });
    expect(await snapshotRecords(db().prisma)).toEqual(before);
  });
});
