"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { SERIES_COLOURS } from "@/components/dashboard/status";
import type { KpiUnit } from "@/lib/kpi/catalog";
import { formatAxisValue, formatKpiValue } from "@/lib/kpi/format-kpi-value";

interface TrendChartProps {
  buckets: string[];
  bucket: "hour" | "day" | "week";
  current: (number | null)[];
  /** The previous window's buckets, aligned by position. */
  previous: (number | null)[];
  unit: KpiUnit;
}

/** A KPI over time in this window, with the previous window drawn behind it for comparison. */
export function TrendChart({ buckets, bucket, current, previous, unit }: TrendChartProps) {
  const rows = buckets.map((key, i) => ({
    label: bucket === "hour" ? key.slice(11, 16) : `${key.slice(8, 10)}/${key.slice(5, 7)}`,
    current: current[i] ?? null,
    previous: previous[i] ?? null,
  }));
  return (
    <div className="h-80" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" strokeOpacity={0.6} vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} minTickGap={16} />
          <YAxis tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} width={48} allowDecimals={unit !== "count"} tickFormatter={(v: number) => formatAxisValue(v, unit)} />
          <Tooltip formatter={(value, name) => [formatKpiValue(typeof value === "number" ? value : null, unit), name === "current" ? "This period" : "Previous period"]} />
          <Legend formatter={(name) => (name === "current" ? "This period" : "Previous period")} wrapperStyle={{ fontSize: 12 }} />
          <Line type="linear" dataKey="previous" stroke="#94a3b8" strokeDasharray="4 4" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="current" stroke={SERIES_COLOURS[0]} strokeWidth={2.5} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
