import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import type { RollupFamily } from "../catalog";
import { familyRollup } from "../families/family-modules";
import { rebuildAllDaily, rebuildDaily } from "./rolled-up-sql";
import { floorHour, HOUR_MS, ROLLUP_FAMILIES, toTimeRanges } from "./rollup-coverage";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// The first refresh of a large history rolls up every hour of it in one transaction.
const REFRESH_TIMEOUT_MS = 30 * 60_000;
const BIG_REBUILD_HOURS = 24;

export interface RefreshResult {
  family: RollupFamily;
  /** Hours rebuilt: newly completed ones and changed ones. */
  hours: number;
}

/**
 * Brings the hourly rollups up to the last completed hour before `now`, rebuilds the rolled-up
 * hours whose raw rows changed since (the triggers of migration 20261123070000 mark them), and then
 * the local days (of the organisation's time zone) that hold them. Each family refreshes in its own
 * transaction holding its state row, so a write racing the refresh is either seen by it or marks
 * its hours dirty afterwards: a query never reads a stale rollup hour.
 */
export async function refreshRollups(prisma: PrismaClient, now = new Date()): Promise<RefreshResult[]> {
  const { serviceLevelSeconds, timeZone } = await getOrgSettings(prisma);
  const until = floorHour(now);
  const results: RefreshResult[] = [];
  for (const family of ROLLUP_FAMILIES) {
    const refresh = (tx: Tx) => refreshFamily(tx, family, until, { now, serviceLevelSeconds, timeZone });
    results.push(await prisma.$transaction(refresh, { timeout: REFRESH_TIMEOUT_MS, maxWait: REFRESH_TIMEOUT_MS }));
  }
  return results;
}

interface RefreshContext {
  now: Date;
  serviceLevelSeconds: number;
  timeZone: string;
}

async function refreshFamily(tx: Tx, family: RollupFamily, until: Date, context: RefreshContext): Promise<RefreshResult> {
  const { now, serviceLevelSeconds, timeZone } = context;
  const rollup = familyRollup(family);
  const [state] = await tx.$queryRaw<{ rolled_until: Date | null; service_level_seconds: number | null; day_time_zone: string | null }[]>`
    SELECT rolled_until, service_level_seconds, day_time_zone FROM rollup_state WHERE family = ${family} FOR UPDATE`;
  let rolledUntil = state?.rolled_until ?? null;
  // The call rollup counts service level against one threshold: a new threshold rebuilds it.
  if (family === "calls" && rolledUntil && state?.service_level_seconds !== serviceLevelSeconds) {
    await tx.$executeRaw`DELETE FROM call_rollup`;
    rolledUntil = null;
  }
  const dirty = await tx.$queryRaw<{ hour: Date }[]>`
    DELETE FROM rollup_dirty_hours WHERE family = ${family} AND hour < ${until} RETURNING hour`;
  const start = rolledUntil ?? (await firstHour(tx, family)) ?? until;
  // Each transaction marks its own rows (migration 20261124010000): one hour can come several times.
  const pieces: [number, number][] = [...new Set(dirty.map((d) => d.hour.getTime()))]
    .filter((h) => h < start.getTime())
    .map((h) => [h, h + HOUR_MS]);
  if (start < until) pieces.push([start.getTime(), until.getTime()]);
  const ranges = toTimeRanges(pieces);
  const newUntil = rolledUntil && rolledUntil > until ? rolledUntil : until;

  if (pieces.length > 0) await rollup.rebuildHours(tx, ranges, { now, serviceLevelSeconds });
  // Days are the organisation's local days: a new time zone regroups every hour into new days.
  if (rolledUntil === null || state?.day_time_zone !== timeZone) await rebuildAllDaily(tx, rollup.tables, timeZone);
  else if (pieces.length > 0) await rebuildDaily(tx, rollup.tables, ranges, timeZone);
  await tx.$executeRaw`
    UPDATE rollup_state SET rolled_until = ${newUntil}, service_level_seconds = ${serviceLevelSeconds}, day_time_zone = ${timeZone}
    WHERE family = ${family}`;
  if (family === "tickets") {
    // First contact resolution counts tickets resolved "by now"; a resolution dated in the future
    // has not happened yet, so its ticket's hour stays raw until it has.
    await tx.$executeRaw`
      INSERT INTO rollup_dirty_hours (family, hour)
      SELECT DISTINCT 'tickets', date_bin('1 hour', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') FROM tickets
      WHERE resolved_at > ${now} AND created_at < ${newUntil}
      ON CONFLICT DO NOTHING`;
  }
  const hours = pieces.reduce((sum, [s, e]) => sum + (e - s) / HOUR_MS, 0);
  // After a first or a long catch-up rollup the planner's statistics still describe empty tables
  // (and PGlite has no autovacuum to renew them): renewed at once, or queries get blind plans.
  if (hours >= BIG_REBUILD_HOURS) await tx.$executeRaw`ANALYZE ${rollup.tables.hourly.table}, ${rollup.tables.daily.table}`;
  return { family, hours };
}

/** The hour of a family's earliest record: where its rollup starts. */
async function firstHour(tx: Tx, family: RollupFamily): Promise<Date | null> {
  const [row] =
    family === "tickets"
      ? await tx.$queryRaw<{ first: Date | null }[]>`
          SELECT least((SELECT min(created_at) FROM tickets), (SELECT min(first_response_at) FROM tickets), (SELECT min(resolved_at) FROM tickets)) AS first`
    : family === "replies" ? await tx.$queryRaw<{ first: Date | null }[]>`SELECT min(created_at) AS first FROM messages`
    : family === "calls" ? await tx.$queryRaw<{ first: Date | null }[]>`SELECT min(ended_at) AS first FROM calls`
    : await tx.$queryRaw<{ first: Date | null }[]>`SELECT min(responded_at) AS first FROM surveys`;
  return row?.first ? floorHour(row.first) : null;
}
