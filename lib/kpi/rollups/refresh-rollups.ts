import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import type { RollupFamily } from "../catalog";
import { familyRollup } from "../families/family-modules";
import { rebuildAllDaily, rebuildDaily } from "./rolled-up-sql";
import { floorHour, HOUR_MS, ROLLUP_FAMILIES, toTimeRanges } from "./rollup-coverage";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// A chunk should hold the database about this long: every other query (PGlite has one connection)
// waits for it, and the next chunk's size is scaled from how long this one took.
const CHUNK_TARGET_MS = 100;
const FIRST_CHUNK_HOURS = 24;
// Below this a chunk is mostly its fixed cost (the state row, the days, the first-contact marks).
const MIN_CHUNK_HOURS = 6;
const MAX_CHUNK_HOURS = 92 * 24;
const MAX_CHUNK_GROWTH = 4;
// A generous bound for one chunk, which the target above keeps far from.
const CHUNK_TIMEOUT_MS = 5 * 60_000;
const BIG_REBUILD_HOURS = 24;

export interface RefreshResult {
  family: RollupFamily;
  /** Hours rebuilt: newly completed ones and changed ones. */
  hours: number;
}

/**
 * Brings the hourly rollups up to the last completed hour before `now`, rebuilds the rolled-up
 * hours whose raw rows changed since (the triggers of migration 20261123070000 mark them), and then
 * the local days (of the organisation's time zone) that hold them. The work goes in chunks of about
 * CHUNK_TARGET_MS, each its own transaction holding the family's state row, so a write racing the
 * refresh is either seen by it or marks its hours dirty afterwards, and a query never waits long
 * nor reads a stale rollup hour: hours not yet rebuilt are still dirty or beyond `rolled_until`,
 * and queries read those from the raw rows. A first rollup of years of history, or the changed
 * hours after importing them, thus runs in the background while every KPI stays exact.
 * `onChunk` runs after each chunk has committed, before the next starts.
 */
export async function refreshRollups(
  prisma: PrismaClient,
  now = new Date(),
  options: { onChunk?: (family: RollupFamily) => Promise<void> } = {},
): Promise<RefreshResult[]> {
  const { serviceLevelSeconds, timeZone } = await getOrgSettings(prisma);
  const until = floorHour(now);
  const results: RefreshResult[] = [];
  for (const family of ROLLUP_FAMILIES) {
    const rollup = familyRollup(family);
    let hours = 0;
    let chunkHours = FIRST_CHUNK_HOURS;
    let dirtyBelow: Date | null = null;
    for (;;) {
      const started = performance.now();
      const context: ChunkContext = { now, serviceLevelSeconds, timeZone, chunkHours, dirtyBelow };
      const chunk: ChunkResult = await prisma.$transaction((tx) => refreshChunk(tx, family, until, context), {
        timeout: CHUNK_TIMEOUT_MS,
        maxWait: CHUNK_TIMEOUT_MS,
      });
      const elapsed = performance.now() - started;
      hours += chunk.hours;
      await options.onChunk?.(family);
      if (chunk.done) break;
      dirtyBelow = chunk.dirtyBelow;
      chunkHours = nextChunkHours(chunkHours, elapsed);
    }
    // After a first or a long catch-up rollup the planner's statistics still describe empty tables
    // (and PGlite has no autovacuum to renew them): renewed at once, or queries get blind plans.
    if (hours >= BIG_REBUILD_HOURS) await prisma.$executeRaw`ANALYZE ${rollup.tables.hourly.table}, ${rollup.tables.daily.table}`;
    results.push({ family, hours });
  }
  return results;
}

/** The next chunk's hours: scaled towards the target duration, growing at most fourfold at a time, never below MIN_CHUNK_HOURS. */
export function nextChunkHours(hours: number, elapsedMs: number): number {
  const scaled = Math.round((hours * CHUNK_TARGET_MS) / Math.max(elapsedMs, 1));
  return Math.max(MIN_CHUNK_HOURS, Math.min(scaled, hours * MAX_CHUNK_GROWTH, MAX_CHUNK_HOURS));
}

interface ChunkContext {
  now: Date;
  serviceLevelSeconds: number;
  timeZone: string;
  /** How many hours this chunk may rebuild. */
  chunkHours: number;
  /**
   * Changed hours are taken from here down: hours marked again while the refresh runs (by writers,
   * or by the first-contact marks below) wait for the next refresh instead of keeping this one going.
   */
  dirtyBelow: Date | null;
}

interface ChunkResult {
  hours: number;
  done: boolean;
  /** Where the next chunk takes changed hours from. */
  dirtyBelow: Date;
}

/**
 * One chunk of a family's refresh: up to `chunkHours` of its changed hours (the latest first: the
 * ones dashboards show), and with what is left of the budget the next stretch of not yet rolled-up
 * hours, after which `rolled_until` moves to the end of that stretch. Done when neither is left.
 */
async function refreshChunk(
  tx: Tx,
  family: RollupFamily,
  until: Date,
  context: ChunkContext,
): Promise<ChunkResult> {
  const { now, serviceLevelSeconds, timeZone, chunkHours } = context;
  const rollup = familyRollup(family);
  const [state] = await tx.$queryRaw<{ rolled_until: Date | null; service_level_seconds: number | null; day_time_zone: string | null }[]>`
    SELECT rolled_until, service_level_seconds, day_time_zone FROM rollup_state WHERE family = ${family} FOR UPDATE`;
  let rolledUntil = state?.rolled_until ?? null;
  // The call rollup counts service level against one threshold: a new threshold rebuilds it.
  if (family === "calls" && rolledUntil && state?.service_level_seconds !== serviceLevelSeconds) {
    await tx.$executeRaw`DELETE FROM call_rollup`;
    rolledUntil = null;
  }
  const start = rolledUntil ?? (await firstHour(tx, family)) ?? until;
  const beforeStart = start < until ? start : until;
  const dirtyBefore = context.dirtyBelow && context.dirtyBelow < beforeStart ? context.dirtyBelow : beforeStart;
  // Each transaction marks its own rows (migration 20261124010000): one hour can come several times.
  const dirty = await tx.$queryRaw<{ hour: Date }[]>`
    DELETE FROM rollup_dirty_hours WHERE family = ${family} AND hour IN (
      SELECT DISTINCT hour FROM rollup_dirty_hours WHERE family = ${family} AND hour < ${dirtyBefore} ORDER BY hour DESC LIMIT ${chunkHours})
    RETURNING hour`;
  const dirtyHours = [...new Set(dirty.map((d) => d.hour.getTime()))];
  const pieces: [number, number][] = dirtyHours.map((h) => [h, h + HOUR_MS]);
  const dirtyLeft = pieces.length >= chunkHours;
  const stretchHours = dirtyLeft ? 0 : chunkHours - pieces.length;
  const stretchEnd = start < until ? new Date(Math.min(until.getTime(), start.getTime() + stretchHours * HOUR_MS)) : start;
  if (start < stretchEnd) {
    // The stretch is rebuilt whole: its marks are settled by it.
    await tx.$executeRaw`DELETE FROM rollup_dirty_hours WHERE family = ${family} AND hour >= ${start} AND hour < ${stretchEnd}`;
    pieces.push([start.getTime(), stretchEnd.getTime()]);
  }
  const ranges = toTimeRanges(pieces);
  const newUntil = rolledUntil && rolledUntil > stretchEnd ? rolledUntil : stretchEnd;

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
  const lowestDirty = dirtyHours.length > 0 ? new Date(Math.min(...dirtyHours)) : dirtyBefore;
  return { hours, done: !dirtyLeft && stretchEnd >= until, dirtyBelow: lowestDirty };
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
