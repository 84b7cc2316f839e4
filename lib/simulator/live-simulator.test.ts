import { expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { LiveSimulator } from "./live-simulator";

describeEachDatabase("live simulator", ({ db }) => {
  test("five simulated minutes of batches are all valid and store the whole life cycle", async () => {
    const { prisma } = db();
    const simulator = new LiveSimulator(5, 42);
    const start = Date.parse("2026-07-01T10:00:00Z");
    for (let second = 0; second < 300; second++) {
      const parsed = parseIngestBatch(simulator.tick(new Date(start + second * 1000)));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      await ingestBatch(prisma, parsed.batch);
    }
    const [row] = await prisma.$queryRaw<Record<string, number>[]>`
      SELECT
        (SELECT count(*) FROM tickets WHERE first_response_at IS NOT NULL)::int AS responded,
        (SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL)::int AS resolved,
        (SELECT count(*) FROM tickets WHERE reopens > 0)::int AS reopened,
        (SELECT count(*) FROM calls WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL)::int AS answered,
        (SELECT count(*) FROM calls WHERE answered_at IS NULL AND ended_at IS NOT NULL)::int AS abandoned,
        (SELECT count(*) FROM calls WHERE ended_at IS NULL)::int AS live,
        (SELECT count(*) FROM surveys)::int AS surveys,
        (SELECT count(*) FROM agent_status_events)::int AS statuses`;
    expect(simulator.stats.tickets).toBeGreaterThan(500);
    for (const [name, count] of Object.entries(row!)) expect(count, name).toBeGreaterThan(0);
  });
});
