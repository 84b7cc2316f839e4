"use client";

import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

import type { BreakdownWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

import { SERIES_COLOURS } from "../status";
import { WidgetFrame } from "../widget-frame";

const MAX_BARS = 8;

export function BarBreakdownWidget({ title, data, href, stale }: { title: string; data: BreakdownWidgetData; href?: string; stale: boolean }) {
  const rows = data.groups.filter((g) => g.value !== null).slice(0, MAX_BARS);
  return (
    <WidgetFrame title={title} href={href} stale={stale} testId="bar-breakdown">
      {rows.length === 0 ? (
        <p className="grid h-full place-items-center text-sm text-slate-500">No data in this period yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 56, bottom: 0, left: 0 }}>
            <XAxis type="number" hide />
            <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} axisLine={false} interval={0} />
            <Bar dataKey="value" fill={SERIES_COLOURS[0]} radius={[0, 6, 6, 0]} isAnimationActive={false} barSize={18}>
              <LabelList dataKey="value" position="right" formatter={(v) => formatKpiValue(typeof v === "number" ? v : null, data.unit)} style={{ fontSize: 12, fill: "#334155" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </WidgetFrame>
  );
}
