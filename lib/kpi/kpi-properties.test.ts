import fc from "fast-check";
import { expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { CallRecord, IngestBatch, TicketRecord } from "@/lib/ingest/record-schemas";
import { clearRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { KPI_CATALOG, type KpiKey } from "./catalog";
import { getKpiSnapshot } from "./get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiGrouping, type KpiQuery } from "./kpi-query";
import { timeBuckets } from "./time-windows";

const FROM = Date.parse("2026-05-01T00:00:00Z");
const DAY = 86_400_000;
const WINDOW = { from: new Date(FROM), to: new Date(FROM + 3 * DAY) };
const WINDOW_KEYS = KPI_CATALOG.filter((k) => !("live" in k)).map((k) => k.key) as KpiKey[];
const ADDITIVE: KpiKey[] = ["ticket_volume", "tickets_solved", "backlog", "calls_handled"];

const iso = (ms: number) => new Date(ms).toISOString();
const team = fc.constantFrom("A", "B", undefined);

// Records spread over the window and a day either side, so window edges are exercised too.
const ticketArb = fc
  .record({ created: fc.integer({ min: -DAY, max: 4 * DAY }), resolveAfter: fc.option(fc.integer({ min: 0, max: 2 * DAY })), team,
    channel: fc.constantFrom("email", "chat", "phone"), reopens: fc.integer({ min: 0, max: 2 }) })
  .map(({ created, resolveAfter, team, channel, reopens }) => ({ created, resolveAfter, team, channel, reopens }));
const callArb = fc.record({ ended: fc.integer({ min: -DAY, max: 4 * DAY }), answered: fc.boolean(), queued: fc.boolean(),
  wait: fc.integer({ min: 0, max: 120 }), talk: fc.integer({ min: 0, max: 900 }), team });

function toBatch(tickets: (typeof ticketArb extends fc.Arbitrary<infer T> ? T : never)[], calls: (typeof callArb extends fc.Arbitrary<infer T> ? T : never)[]): Required<Pick<IngestBatch, "tickets" | "calls">> {
  return {
    tickets: tickets.map((t, i): TicketRecord => ({
      externalId: `T${i}`, channel: t.channel as TicketRecord["channel"], status: t.resolveAfter === null ? "open" : "solved",
      createdAt: iso(FROM + t.created), ...(t.resolveAfter !== null ? { resolvedAt: iso(FROM + t.created + t.resolveAfter) } : {}),
      ...(t.team ? { team: t.team } : {}), reopens: t.reopens,
    })),
    calls: calls.map((c, i): CallRecord => {
      const end = FROM + c.ended;
      const answeredAt = end - c.talk * 1000;
      return {
        externalId: `C${i}`, endedAt: iso(end), ...(c.team ? { team: c.team } : {}),
        ...(c.queued ? { queuedAt: iso(answeredAt - c.wait * 1000) } : {}),
        ...(c.answered ? { answeredAt: iso(answeredAt), talkSeconds: c.talk } : {}),
      };
    }),
  };
}

describeEachDatabase("KPI properties", ({ db }) => {
  const query = (grouping: KpiGrouping = NO_GROUPING): KpiQuery => ({
    ...WINDOW, timeZone: "UTC", now: new Date(FROM + 10 * DAY), serviceLevelSeconds: 20, filters: NO_FILTERS, grouping,
  });
  const snapshot = async (grouping?: KpiGrouping) =>
    JSON.stringify([...(await getKpiSnapshot(db().prisma, WINDOW_KEYS, query(grouping)))].sort());

  test("independent of insertion order and batching; re-ingesting changes nothing; additive breakdowns sum to the total", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ticketArb, { maxLength: 20 }), fc.array(callArb, { maxLength: 20 }), fc.integer(), async (tickets, calls, seed) => {
        const batch = toBatch(tickets, calls);
        await clearRecords(db().prisma);
        await ingestBatch(db().prisma, batch);
        const inOrder = await snapshot();

        // Reversed, split across two batches, then everything sent again.
        await clearRecords(db().prisma);
        const reversed = { tickets: [...batch.tickets].reverse(), calls: [...batch.calls].reverse() };
        const cut = Math.abs(seed) % (reversed.tickets.length + 1);
        await ingestBatch(db().prisma, { tickets: reversed.tickets.slice(cut), calls: reversed.calls.slice(cut) });
        await ingestBatch(db().prisma, { tickets: reversed.tickets.slice(0, cut), calls: reversed.calls.slice(0, cut) });
        expect(await snapshot()).toBe(inOrder);
        await ingestBatch(db().prisma, batch);
        expect(await snapshot()).toBe(inOrder);

        const total = await getKpiSnapshot(db().prisma, ADDITIVE, query());
        const byTeam = await getKpiSnapshot(db().prisma, ADDITIVE, query({ by: "team" }));
        const byDay = await getKpiSnapshot(db().prisma, ADDITIVE, query({ by: "time", buckets: timeBuckets(WINDOW, "day", "UTC") }));
        for (const key of ADDITIVE) {
          const sum = (groups: { value: number | null }[] | undefined) => (groups ?? []).reduce((s, g) => s + (g.value ?? 0), 0);
          expect(sum(byTeam.get(key)!.groups), `${key} by team`).toBe(total.get(key)!.value);
          // Backlog is a state at each day's end, not a flow: only flows add up over time.
          if (key !== "backlog") expect(sum(byDay.get(key)!.groups), `${key} by day`).toBe(total.get(key)!.value);
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
