"use client";

import { PeriodLineChart } from "@/components/charts/period-line-chart";
import { SERIES_COLOURS } from "@/components/dashboard/status";
import type { KpiUnit } from "@/lib/kpi/catalog";

interface TrendChartProps {
  buckets: string[];
  bucket: "hour" | "day" | "week";
  current: (number | null)[];
  /** The previous window's buckets, aligned by position. */
  previous: (number | null)[];
  unit: KpiUnit;
  /** When the numbers were computed (ms): the bucket holding it is drawn as "so far". */
  now: number;
  goal?: number | null;
}

/** A KPI over time in this window, with the previous window drawn behind it for comparison. */
export function TrendChart({ buckets, bucket, current, previous, unit, now, goal }: TrendChartProps) {
  return (
    <div className="h-80" data-testid="trend-chart">
      <PeriodLineChart buckets={buckets} bucket={bucket} unit={unit} now={now} series={[{ key: "current", name: "This period", colour: SERIES_COLOURS[0]!, points: current, previous, goal }]} />
    </div>
  );
}
