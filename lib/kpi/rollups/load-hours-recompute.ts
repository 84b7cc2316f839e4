import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { RollupFamily } from "../catalog";
import { HOURS_FAMILIES } from "./refresh-rollups";

/** How far the rollups' business-hours and SLA columns are from the schedules and policies in force. */
export interface HoursRecompute {
  /** False while a change is being recomputed (or the rollups await their first refresh). */
  current: boolean;
  /** Of the rolled-up hours to recompute, the share done, 0 to 1 (1 when current). */
  progress: number;
  families: { family: RollupFamily; current: boolean; progress: number }[];
}

interface Row {
  family: string;
  current: boolean;
  from: Date | null;
  done: Date | null;
  until: Date | null;
  recomputing: boolean;
}

/**
 * The recompute after a schedule, holiday or SLA policy change, for Settings to show: until it is
 * done, business-hours and SLA KPIs are computed from the raw rows (exact, slower).
 */
export async function loadHoursRecompute(prisma: PrismaClient): Promise<HoursRecompute> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT s.family, coalesce(s.hours_version = v.version, false) AS current, s.recompute_from AS from,
           s.recomputed_until AS done, s.rolled_until AS until, coalesce(s.recompute_version = v.version, false) AS recomputing
    FROM rollup_state s CROSS JOIN kpi_settings_version v
    WHERE v.id = 1 AND s.family = ANY(${[...HOURS_FAMILIES]}::text[])
    ORDER BY s.family`;
  const families = rows.map((row) => ({ family: row.family as RollupFamily, current: row.current, progress: progressOf(row) }));
  return {
    current: families.every((f) => f.current),
    progress: families.length ? Math.min(...families.map((f) => f.progress)) : 1,
    families,
  };
}

function progressOf(row: Row): number {
  if (row.current) return 1;
  if (!row.recomputing || !row.from || !row.done || !row.until || row.until <= row.from) return 0;
  return Math.min(1, (row.done.getTime() - row.from.getTime()) / (row.until.getTime() - row.from.getTime()));
}
