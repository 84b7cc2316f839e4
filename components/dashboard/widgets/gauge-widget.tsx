"use client";

import type { NumberWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

import { standingAccent, TargetStandingBadge } from "../target-standing-badge";
import { WidgetFrame } from "../widget-frame";

const ARC = { met: "#009E73", close: "#56B4E9", off: "#E69F00", critical: "#D55E00", none: "#0072B2" };

/** The range the needle moves over: the KPI's scale, 0-100 for percentages, else up to twice the target. */
function gaugeRange(data: NumberWidgetData): [number, number] {
  const kpi = data.fact;
  if (kpi.scale) return [kpi.scale[0], kpi.scale[1]];
  if (kpi.unit === "percent") return [0, 100];
  const top = Math.max(data.target ? data.target.value * 2 : 0, (data.current.value ?? 0) * 1.25, 1);
  return [0, top];
}

export function GaugeWidget({ title, data, href, stale }: { title: string; data: NumberWidgetData; href?: string; stale: boolean }) {
  const kpi = data.fact;
  const [min, max] = gaugeRange(data);
  const share = (v: number) => Math.min(1, Math.max(0, (v - min) / (max - min)));
  const value = data.current.value;
  const angle = (v: number) => Math.PI * (1 - share(v));
  const point = (v: number, r: number) => [100 + r * Math.cos(angle(v)), 100 - r * Math.sin(angle(v))] as const;
  const [ex, ey] = point(value ?? min, 80);
  const status = data.standing && "status" in data.standing ? data.standing.status : null;
  return (
    <WidgetFrame title={title} href={href} stale={stale} accent={standingAccent(data.standing)} testId={`gauge-${data.kpi.replace(/_/g, "-")}`}>
      <div className="flex h-full flex-col items-center justify-center">
        <svg viewBox="0 0 200 115" className="h-full max-h-40 w-full" role="img" aria-label={`${kpi.name}: ${formatKpiValue(value, kpi.unit)}`}>
          <path d="M 20 100 A 80 80 0 0 1 180 100" fill="none" stroke="currentColor" className="text-slate-200 dark:text-slate-700" strokeWidth="16" strokeLinecap="round" />
          {value !== null && (
            <path
              d={`M 20 100 A 80 80 0 0 1 ${ex.toFixed(2)} ${ey.toFixed(2)}`}
              fill="none"
              stroke={ARC[status ?? "none"]}
              strokeWidth="16"
              strokeLinecap="round"
            />
          )}
          {data.target && (
            <line
              x1={point(data.target.value, 64)[0]}
              y1={point(data.target.value, 64)[1]}
              x2={point(data.target.value, 96)[0]}
              y2={point(data.target.value, 96)[1]}
              stroke="currentColor"
              className="text-slate-800 dark:text-slate-100"
              strokeWidth="3"
            />
          )}
          <text x="100" y="92" textAnchor="middle" className="fill-slate-900 text-[26px] font-semibold dark:fill-white">
            {formatKpiValue(value, kpi.unit)}
          </text>
        </svg>
        <p className="flex flex-wrap items-center justify-center gap-1 text-xs text-slate-500 dark:text-slate-400">
          {data.standing ? <TargetStandingBadge kpi={data.fact} standing={data.standing} /> : data.target ? `target ${formatKpiValue(data.target.value, kpi.unit)}` : "No target set"}
        </p>
      </div>
    </WidgetFrame>
  );
}
