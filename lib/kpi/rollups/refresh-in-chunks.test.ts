import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { KPI_CATALOG, type KpiKey } from "../catalog";
import { getKpiSnapshot, type KpiSnapshotEntry } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiQuery } from "../kpi-query";
import { presetWindow, timeBuckets } from "../time-windows";
import { nextChunkHours, refreshRollups } from "./refresh-rollups";
import { HOUR_MS } from "./rollup-coverage";

const ZONE = "Europe/Berlin";
const CHECKED_CHUNKS = 3;
// The ticket family's KPIs: the checks run between the ticket family's chunks.
const TICKET_KEYS = KPI_CATALOG.filter((k) => k.family === "tickets" && !("live" in k)).map((k) => k.key) as KpiKey[];

test("chunks grow towards the target duration, at most fourfold, and never below six hours", () => {
  expect(nextChunkHours(24, 10)).toBe(96);
  expect(nextChunkHours(24, 50)).toBe(48);
  expect(nextChunkHours(96, 400)).toBe(24);
  expect(nextChunkHours(24, 10_000)).toBe(6);
  expect(nextChunkHours(2000, 1)).toBe(92 * 24);
});

// A rebuild runs in chunks that each commit; between two of them the KPIs must already be exact:
// hours not rolled up yet are read from the raw rows.
describeEachDatabase("a rollup rebuild in chunks", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 300, days: 12, now, timeZone: ZONE, seed: 11 });
  }, 120_000);

  function queries(): KpiQuery[] {
    const base = { timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS };
    const month = presetWindow("last_30_days", now, ZONE);
    const year = { from: new Date(now.getTime() - 400 * 24 * HOUR_MS), to: now };
    return [
      { ...base, ...month, grouping: NO_GROUPING },
      { ...base, ...month, grouping: { by: "time", buckets: timeBuckets(month, "day", ZONE) } },
      { ...base, ...year, grouping: NO_GROUPING },
    ];
  }

  // Groups come in the order the database returns them; compared in one order.
  const comparable = (snapshot: Map<KpiKey, KpiSnapshotEntry>) =>
    Object.fromEntries([...snapshot].map(([key, entry]) => [key, { ...entry, groups: entry.groups?.toSorted((a, b) => String(a.key).localeCompare(String(b.key))) }]));

  async function expectRollupsMatchRaw(label: string) {
    for (const q of queries()) {
      const rolled = await getKpiSnapshot(prisma(), TICKET_KEYS, q);
      const raw = await getKpiSnapshot(prisma(), TICKET_KEYS, { ...q, rollups: {} });
      expect(comparable(rolled), label).toEqual(comparable(raw));
    }
  }

  const ticketsRolledUntil = async () =>
    (await prisma().rollupState.findUnique({ where: { family: "tickets" } }))?.rolledUntil?.getTime() ?? null;

  test("a first rollup advances rolled_until chunk by chunk, the KPIs exact at every step", async () => {
    await prisma().$executeRaw`UPDATE rollup_state SET rolled_until = NULL`;
    const seen: (number | null)[] = [];
    await refreshRollups(prisma(), now, {
      onChunk: async (family) => {
        if (family !== "tickets") return;
        seen.push(await ticketsRolledUntil());
        // The first chunks are where a rollup is least complete (checking each one would be slow).
        if (seen.length <= CHECKED_CHUNKS) await expectRollupsMatchRaw(`tickets rolled up until ${new Date(seen.at(-1) ?? 0).toISOString()}`);
      },
    });
    // Twelve days of history: the first chunk is a day, so there were several.
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual(seen.toSorted((a, b) => (a ?? 0) - (b ?? 0)));
    expect(seen.at(-1)).toBe(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    await expectRollupsMatchRaw("after the rollup");
  }, 600_000);

  test("history imported from before the rollup is rebuilt in chunks, the KPIs exact at every step", async () => {
    const teams = (await prisma().team.findMany()).map((t) => t.externalId);
    const day = 24 * HOUR_MS;
    // A year of old tickets, one every sixth day at varying hours.
    const tickets = Array.from({ length: 60 }, (_, i) => {
      const createdAt = new Date(now.getTime() - (30 + 6 * i) * day - (i % 24) * HOUR_MS);
      return {
        externalId: `old-${i}`,
        channel: i % 2 ? ("email" as const) : ("chat" as const),
        status: "solved" as const,
        createdAt: createdAt.toISOString(),
        firstResponseAt: new Date(createdAt.getTime() + 20 * 60_000).toISOString(),
        resolvedAt: new Date(createdAt.getTime() + 5 * HOUR_MS).toISOString(),
        team: teams[i % teams.length]!,
      };
    });
    await ingestBatch(prisma(), { tickets });
    const dirtyAtStart = await prisma().rollupDirtyHour.count({ where: { family: "tickets" } });
    expect(dirtyAtStart).toBeGreaterThan(48);
    await expectRollupsMatchRaw("before the refresh");
    const dirtyLeft: number[] = [];
    await refreshRollups(prisma(), now, {
      onChunk: async (family) => {
        if (family !== "tickets") return;
        dirtyLeft.push(await prisma().rollupDirtyHour.count({ where: { family: "tickets" } }));
        if (dirtyLeft.length <= CHECKED_CHUNKS) await expectRollupsMatchRaw(`${dirtyLeft.at(-1)} changed hours left`);
      },
    });
    expect(dirtyLeft.length).toBeGreaterThan(1);
    expect(dirtyLeft.at(-1)).toBe(0);
    await expectRollupsMatchRaw("after the refresh");
  }, 600_000);
});
