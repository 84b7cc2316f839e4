import type { Prisma } from "@/lib/generated/prisma/client";

import type { RollupFamily } from "../catalog";
import type { HoursBasis } from "../kpi-query";
import type { TimeRanges } from "../rollups/rollup-coverage";

/**
 * A family's duration measures, as the sketches keep them: their names (`frt`, `aht`…), the
 * clocks they are kept on, and the SQL of their values.
 */
export interface SketchedFamily {
  family: RollupFamily;
  names: readonly string[];
  clocks: readonly HoursBasis[];
  /** Whether the family's records have a team and a channel: the per-team and per-channel sketches. */
  levels: { team: boolean; channel: boolean };
  /**
   * One row per value in `ranges` matching `where` (the family's filterConditions): `measure`
   * (sketchMeasure of a name and a clock in `clocks`) and `s` (float8 seconds); with `day`, also
   * `day` (that SQL of the value's timestamp: its hour), `team_id` and `channel` (text, null where none).
   */
  valuesSql(ranges: TimeRanges, where: Prisma.Sql, clocks: readonly HoursBasis[], day?: (timestamp: Prisma.Sql) => Prisma.Sql): Prisma.Sql;
}

/** A measure on one clock: `frt` on the calendar, `frt_b` in business hours. */
export const sketchMeasure = (name: string, clock: HoursBasis) => (clock === "business" ? `${name}_b` : name);
