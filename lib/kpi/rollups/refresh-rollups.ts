import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import type { RollupFamily } from "../catalog";
import { familyRollup } from "../families/family-modules";
import { rebuildAllSketchDays, rebuildSketchDays, rebuildSketchHours } from "../sketches/rebuild-sketches";
import { rebuildAllDaily, rebuildDaily, type FamilyRollup } from "./rolled-up-sql";
import { floorHour, HOUR_MS, ROLLUP_FAMILIES, toTimeRanges, type TimeRanges } from "./rollup-coverage";

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
/** A recompute after a settings change rebuilds this many hours per transaction (its resume points). */
const RECOMPUTE_CHUNK_HOURS = 7 * 24;

/**
 * The families with business-hours and SLA columns, which depend on the schedules and SLA
 * policies as well as on their rows (migration 20261202030000).
 */
export const HOURS_FAMILIES: readonly RollupFamily[] = ["tickets", "replies"];

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
 * Then, when a schedule or an SLA policy changed since the business-hours and SLA columns were
 * computed, recomputes them.
 */
export async function refreshRollups(prisma: PrismaClient, now = new Date(), options: RefreshOptions = {}): Promise<RefreshResult[]> {
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
    if (hours >= BIG_REBUILD_HOURS) await analyze(prisma, rollup);
    results.push({ family, hours });
  }
  const chunks = options.recomputeChunks ?? Number.POSITIVE_INFINITY;
  for (const family of HOURS_FAMILIES) await recomputeHoursColumns(prisma, family, { now, serviceLevelSeconds, timeZone }, chunks);
  return results;
}

const settingsVersion = async (tx: Tx) =>
  (await tx.$queryRaw<{ version: bigint }[]>`SELECT version FROM kpi_settings_version WHERE id = 1`)[0]!.version;

/**
 * Recomputes a family's rolled-up hours under the schedules and SLA policies in force, a chunk of
 * hours per transaction: the progress is kept in its state row, so a recompute cut short (a
 * restart) goes on where it stopped, and one overtaken by another change starts again. Until it
 * is done queries on business hours and SLA read the raw rows (loadRollupStates: not
 * `hoursCurrent`); calendar queries keep reading the rollups, whose calendar columns a rebuild
 * from the raw rows leaves as they were.
 */
async function recomputeHoursColumns(prisma: PrismaClient, family: RollupFamily, context: RefreshContext, chunks: number): Promise<void> {
  const rollup = familyRollup(family);
  const chunk = async (tx: Tx): Promise<boolean> => {
    const [state] = await tx.$queryRaw<{
      rolled_until: Date | null; day_time_zone: string | null; hours_version: bigint | null;
      recompute_version: bigint | null; recomputed_until: Date | null;
    }[]>`
      SELECT rolled_until, day_time_zone, hours_version, recompute_version, recomputed_until
      FROM rollup_state WHERE family = ${family} FOR UPDATE`;
    const version = await settingsVersion(tx);
    if (!state?.rolled_until || state.hours_version === version) return false;
    let from = state.recompute_version === version ? state.recomputed_until : null;
    if (!from) {
      from = (await firstHour(tx, family)) ?? state.rolled_until;
      await tx.$executeRaw`
        UPDATE rollup_state SET recompute_version = ${version}, recompute_from = ${from}, recomputed_until = ${from} WHERE family = ${family}`;
    }
    const until = new Date(Math.min(from.getTime() + RECOMPUTE_CHUNK_HOURS * HOUR_MS, state.rolled_until.getTime()));
    if (from < until) {
      const ranges = toTimeRanges([[from.getTime(), until.getTime()]]);
      await rebuildHours(tx, rollup, ranges, context);
      if (state.day_time_zone) await rebuildDays(tx, rollup, ranges, state.day_time_zone);
    }
    // Changed again meanwhile: this chunk may hold either version's numbers; start over.
    if ((await settingsVersion(tx)) !== version) {
      await tx.$executeRaw`UPDATE rollup_state SET recompute_version = NULL WHERE family = ${family}`;
      return true;
    }
    const done = until >= state.rolled_until;
    await tx.$executeRaw`
      UPDATE rollup_state SET recomputed_until = ${until},
        hours_version = CASE WHEN ${done} THEN ${version} ELSE hours_version END
      WHERE family = ${family}`;
    if (done) await analyze(tx, rollup);
    return !done;
  };
  for (let i = 0; i < chunks; i++) {
    if (!(await prisma.$transaction(chunk, { timeout: CHUNK_TIMEOUT_MS, maxWait: CHUNK_TIMEOUT_MS }))) return;
  }
}

/** The hours of `ranges`, rebuilt from the raw rows: the hourly rollup rows, and the sketches of a family that has them. */
async function rebuildHours(tx: Tx, rollup: FamilyRollup, ranges: TimeRanges, context: { now: Date; serviceLevelSeconds: number }): Promise<void> {
  await rollup.rebuildHours(tx, ranges, context);
  if (rollup.sketch) await rebuildSketchHours(tx, rollup.sketch, ranges);
}

/** The local days holding `ranges`, rebuilt from their hours: the daily rollup rows, and the sketches of a family that has them. */
async function rebuildDays(tx: Tx, rollup: FamilyRollup, ranges: TimeRanges, timeZone: string): Promise<void> {
  await (rollup.days ? rollup.days.rebuild(tx, ranges, timeZone) : rebuildDaily(tx, rollup.tables, ranges, timeZone));
  if (rollup.sketch) await rebuildSketchDays(tx, rollup.sketch, ranges, timeZone);
}

const analyze = (db: Pick<PrismaClient, "$executeRaw">, rollup: FamilyRollup) => {
  const { hourly, daily, teamDaily } = rollup.tables;
  const tables = [hourly.table, daily.table, ...(teamDaily ? [teamDaily.table] : []), ...(rollup.sketch ? [Prisma.sql`kpi_sketch_hourly`, Prisma.sql`kpi_sketch_daily`] : [])];
  return db.$executeRaw`ANALYZE ${Prisma.join(tables, ", ")}`;
};

export interface RefreshOptions {
  /**
   * At most this many chunks of a recompute per family (default: to the end): the background
   * refresh does a few per tick, so that new hours are never kept waiting behind a long recompute.
   */
  recomputeChunks?: number;
  /** Runs after each chunk of the refresh has committed, before the next starts. */
  onChunk?: (family: RollupFamily) => Promise<void>;
}

interface RefreshContext {
  now: Date;
  serviceLevelSeconds: number;
  timeZone: string;
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
  const versionBefore = await settingsVersion(tx);
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

  if (pieces.length > 0) await rebuildHours(tx, rollup, ranges, { now, serviceLevelSeconds });
  // Days are the organisation's local days: a new time zone regroups every hour into new days.
  if (rolledUntil === null || state?.day_time_zone !== timeZone) {
    await (rollup.days ? rollup.days.rebuildAll(tx, timeZone) : rebuildAllDaily(tx, rollup.tables, timeZone));
    if (rollup.sketch) await rebuildAllSketchDays(tx, rollup.sketch, rollup.tables.hourly.table, timeZone);
  } else if (pieces.length > 0) await rebuildDays(tx, rollup, ranges, timeZone);
  await tx.$executeRaw`
    UPDATE rollup_state SET rolled_until = ${newUntil}, service_level_seconds = ${serviceLevelSeconds}, day_time_zone = ${timeZone}
    WHERE family = ${family}`;
  // Rolled up from nothing under one settings version throughout: its business and SLA columns
  // are that version's (else recomputeHoursColumns brings them up to date).
  if (rolledUntil === null && HOURS_FAMILIES.includes(family) && (await settingsVersion(tx)) === versionBefore) {
    await tx.$executeRaw`
      UPDATE rollup_state SET hours_version = ${versionBefore}, recompute_version = NULL, recompute_from = NULL, recomputed_until = NULL
      WHERE family = ${family}`;
  }
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
    : family === "knowledge_base" ? await tx.$queryRaw<{ first: Date | null }[]>`SELECT min(viewed_at) AS first FROM kb_views`
    : await tx.$queryRaw<{ first: Date | null }[]>`SELECT min(responded_at) AS first FROM surveys`;
  return row?.first ? floorHour(row.first) : null;
}
