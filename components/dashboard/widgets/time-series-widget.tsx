"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { SeriesWidgetData } from "@/lib/dashboards/dashboard-data";
import { getKpiDefinition } from "@/lib/kpi/catalog";
import { formatAxisValue, formatKpiValue } from "@/lib/kpi/format-kpi-value";

import { SERIES_COLOURS } from "../status";
import { WidgetFrame } from "../widget-frame";

/** A bucket key (local ISO with offset) as its label: the hour for hourly buckets, the date otherwise. */
function bucketLabel(key: string, bucket: SeriesWidgetData["bucket"]): string {
  return bucket === "hour" ? key.slice(11, 16) : `${key.slice(8, 10)}/${key.slice(5, 7)}`;
}

export function TimeSeriesWidget({ title, data, href, stale }: { title: string; data: SeriesWidgetData; href?: string; stale: boolean }) {
  const rows = data.buckets.map((bucket, i) => ({
    label: bucketLabel(bucket, data.bucket),
    ...Object.fromEntries(data.series.map((s) => [s.kpi, s.points[i]])),
  }));
  const unit = data.series[0]?.unit ?? "count";
  const empty = data.series.every((s) => s.points.every((p) => p === null || p === 0));
  return (
    <WidgetFrame title={title} href={href} stale={stale} testId="time-series">
      {empty ? (
        <p className="grid h-full place-items-center text-sm text-slate-500">No data in this period yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" strokeOpacity={0.6} vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} minTickGap={16} />
            <YAxis
              tick={{ fontSize: 12, fill: "#64748b" }}
              tickLine={false}
              axisLine={false}
              width={48}
              allowDecimals={unit !== "count"}
              tickFormatter={(v: number) => formatAxisValue(v, unit)}
            />
            <Tooltip
              formatter={(value, name) => [formatKpiValue(typeof value === "number" ? value : null, getKpiDefinition(name as never).unit), getKpiDefinition(name as never).name]}
              contentStyle={{ borderRadius: 12, borderColor: "#e2e8f0" }}
            />
            <Legend formatter={(name) => getKpiDefinition(name as never).name} wrapperStyle={{ fontSize: 12 }} />
            {data.series.map((s, i) => (
              <Line key={s.kpi} type={s.unit === "count" ? "linear" : "monotone"} dataKey={s.kpi} stroke={SERIES_COLOURS[i]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </WidgetFrame>
  );
}
