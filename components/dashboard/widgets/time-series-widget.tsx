"use client";

import { PeriodLineChart } from "@/components/charts/period-line-chart";
import type { SeriesWidgetData } from "@/lib/dashboards/dashboard-data";

import { SERIES_COLOURS } from "../status";
import { WidgetFrame } from "../widget-frame";

/**
 * KPIs over the dashboard's period. Only the first series is compared with the previous period:
 * two series and two shadows are four lines, which nobody reads.
 */
export function TimeSeriesWidget({ title, data, href, stale, now }: { title: string; data: SeriesWidgetData; href?: string; stale: boolean; now: number }) {
  const unit = data.series[0]?.unit ?? "count";
  const empty = data.series.every((s) => s.points.every((p) => p === null || p === 0));
  return (
    <WidgetFrame title={title} href={href} stale={stale} testId="time-series">
      {empty ? (
        <p className="grid h-full place-items-center text-sm text-slate-500 dark:text-slate-400">No data in this period yet.</p>
      ) : (
        <PeriodLineChart
          buckets={data.buckets}
          bucket={data.bucket}
          unit={unit}
          now={now}
          series={data.series.map((s, i) => ({
            key: s.kpi,
            name: s.name,
            colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
            points: s.points,
            previous: i === 0 ? s.previous : undefined,
            goal: s.goal,
          }))}
        />
      )}
    </WidgetFrame>
  );
}
