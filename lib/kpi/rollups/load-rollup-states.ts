import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { RollupFamily } from "../catalog";
import { HOUR_MS, ROLLUP_FAMILIES, type RollupStates } from "./rollup-coverage";

interface StateRow {
  family: string;
  rolled_until: Date | null;
  service_level_seconds: number | null;
  day_time_zone: string | null;
  hours_current: boolean;
  dirty: number[];
}

/** The rollups' state as far as a window [from, to) is concerned: one small query per snapshot. */
export async function loadRollupStates(prisma: PrismaClient, window: { from: Date; to: Date }): Promise<RollupStates> {
  const from = new Date(window.from.getTime() - HOUR_MS);
  const rows = await prisma.$queryRaw<StateRow[]>`
    SELECT s.family, s.rolled_until, s.service_level_seconds, s.day_time_zone,
           coalesce(s.hours_version = (SELECT v.version FROM kpi_settings_version v WHERE v.id = 1), false) AS hours_current,
           coalesce((SELECT array_agg(extract(epoch FROM d.hour) * 1000)::float8[] FROM rollup_dirty_hours d
                     WHERE d.family = s.family AND d.hour >= ${from} AND d.hour < ${window.to}), '{}') AS dirty
    FROM rollup_state s`;
  const states: RollupStates = {};
  for (const row of rows) {
    if (!(ROLLUP_FAMILIES as readonly string[]).includes(row.family)) continue;
    states[row.family as RollupFamily] = {
      rolledUntil: row.rolled_until,
      serviceLevelSeconds: row.service_level_seconds,
      dayTimeZone: row.day_time_zone,
      dirtyHours: row.dirty.map((ms) => new Date(Number(ms))),
      hoursCurrent: row.hours_current,
    };
  }
  return states;
}
