import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { emitRecordsIngested } from "@/lib/ingest/ingest-events";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";

import { LiveSimulator } from "./live-simulator";

const TICK_MS = 1_000;
const DAY_MS = 86_400_000;

/** The history's size (its tickets over its span in days), read back from the database, so the stream keeps the pace of whatever was seeded. */
export async function historyVolume(prisma: PrismaClient, now: Date): Promise<{ tickets: number; days: number }> {
  const [row] = await prisma.$queryRaw<{ tickets: number; first: Date | null }[]>`
    SELECT count(*)::int AS tickets, min(created_at) AS first FROM tickets WHERE created_at <= ${now}`;
  // Fractional: the first and last days of the history are partial, and the tickets are counted so.
  const days = row?.first ? Math.max(1, (now.getTime() - row.first.getTime()) / DAY_MS) : 1;
  return { tickets: row?.tickets ?? 0, days };
}

/**
 * `npm run demo`'s live stream inside the server: every second the simulator's records are stored
 * as the ingest API stores them (validated, ingested, announced) and the cached dashboard
 * snapshots dropped, so dashboards and TVs move at their next poll. Returns a stop function.
 */
export async function startLiveDemo(prisma: PrismaClient, scale: number, log = console.log): Promise<() => void> {
  const history = await historyVolume(prisma, new Date());
  const simulator = new LiveSimulator({ history, scale });
  log(`Deskpulse: live demo on, ${simulator.hourlyVolume(new Date()).tickets.toFixed(1)} new tickets an hour now (--no-live turns it off)`);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const store = async () => {
    const batch = simulator.tick(new Date());
    if (Object.values(batch).every((records) => !records?.length)) return;
    const parsed = parseIngestBatch(batch);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    const stored = await ingestBatch(prisma, parsed.batch);
    emitRecordsIngested({ prisma, stored });
    snapshotCache.clear();
  };
  const tick = () =>
    void store()
      // A lost batch is a gap in a demo, not a reason to stop it (the database may be restarting).
      .catch((error: unknown) => log(`Deskpulse: live demo batch not stored: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, TICK_MS).unref();
      });
  timer = setTimeout(tick, TICK_MS).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
