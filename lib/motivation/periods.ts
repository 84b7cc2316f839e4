import { z } from "zod";

import type { AnyKpiKey, KpiDirectory } from "@/lib/kpi/kpi-directory";
import { timeBuckets, type TimeBucket } from "@/lib/kpi/time-windows";

export type PeriodKind = "day" | "week" | "month";

/** The local day, week (from Monday) or month containing `instant`, in the organisation's zone. */
export function periodContaining(kind: PeriodKind, instant: Date, timeZone: string): TimeBucket {
  return timeBuckets({ from: instant, to: new Date(instant.getTime() + 1) }, kind, timeZone)[0]!;
}

/** The period just before the one containing `instant`. */
export function periodBefore(kind: PeriodKind, instant: Date, timeZone: string): TimeBucket {
  return periodContaining(kind, new Date(periodContaining(kind, instant, timeZone).start.getTime() - 1), timeZone);
}

/** A KPI of the directory measured over a period, custom ones included: a competition or an achievement cannot be about a live value. */
export const periodKpiKey = (directory: KpiDirectory) =>
  z.string().refine((key) => directory.has(key) && !directory.fact(key).live, "must be a KPI measured over a period, not a live one") as unknown as z.ZodType<AnyKpiKey>;
