"use client";

import { useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { useChartText } from "@/components/tv/wall-text";
import { axisScale, formatTick } from "@/lib/charts/axis-ticks";
import { bucketLabel, bucketPeriod, runningBucketIndex, splitRunningBucket, type ChartBucket } from "@/lib/charts/bucket-periods";
import type { KpiUnit } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

export interface ChartSeries {
  key: string;
  name: string;
  colour: string;
  points: (number | null)[];
  /** The previous period, bucket by bucket; drawn faint and dashed behind the series. */
  previous?: (number | null)[];
  /** The goal, drawn as a labelled line. */
  goal?: number | null;
}

interface PeriodLineChartProps {
  buckets: string[];
  bucket: ChartBucket;
  unit: KpiUnit;
  series: ChartSeries[];
  /** When the numbers were computed: the bucket holding it is still running and is drawn as "so far". */
  now: number;
}

type Row = Record<string, number | string | null> & { label: string; period: string };

const RUNNING = ":running";
const PREVIOUS = ":previous";

/**
 * KPIs over the buckets of a period: round ticks in the KPI's unit, the running bucket dashed
 * (its value is so far, not a drop), the previous period aligned bucket by bucket, and the goal as
 * a line. The legend sits above the plot, never on it; a wall screen has no tooltips and fewer ticks.
 */
export function PeriodLineChart({ buckets, bucket, unit, series, now }: PeriodLineChartProps) {
  const text = useChartText();
  const [plotHeight, setPlotHeight] = useState<number | null>(null);
  const running = runningBucketIndex(buckets, bucket, new Date(now));
  const split = series.map((s) => splitRunningBucket(s.points, running));
  const rows: Row[] = buckets.map((key, i) => {
    const row: Row = { label: bucketLabel(key, bucket), period: bucketPeriod(key, bucket, buckets[i + 1]) };
    series.forEach((s, j) => {
      row[s.key] = split[j]!.settled[i] ?? null;
      row[s.key + RUNNING] = split[j]!.running[i] ?? null;
      if (s.previous) row[s.key + PREVIOUS] = s.previous[i] ?? null;
    });
    return row;
  });
  const goals = series.filter((s) => s.goal != null);
  const topMargin = text.fontPx * 0.8;
  const axisHeight = text.fontPx * 2.6;
  // A short chart (a wide, low wall widget) gets fewer ticks, so its labels never sit on each other.
  const fittingTicks = plotHeight === null ? text.maxTicks : Math.max(2, Math.floor((plotHeight - topMargin - axisHeight) / (text.fontPx * 1.6)) + 1);
  const scale = axisScale([...series.flatMap((s) => [...s.points, ...(s.previous ?? [])]), ...goals.map((s) => s.goal)], unit, Math.min(text.maxTicks, fittingTicks));
  const tickChars = Math.max(...scale.ticks.map((t) => formatTick(t, unit).length));
  const tick = { fontSize: text.fontPx, style: { fill: "var(--chart-ink)" } };
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="period-chart" data-running-bucket={running ?? undefined}>
      <ul className="flex shrink-0 flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300" data-testid="chart-legend">
        {series.map((s, j) => {
          const latest = running !== null ? s.points[running] : s.points.findLast((p) => p !== null);
          return (
            <li key={s.key} className="flex min-w-0 items-center gap-1.5">
              <span className="inline-block h-[0.25em] w-[1.2em] shrink-0 rounded-full" style={{ background: s.colour }} aria-hidden />
              <span className="truncate">{s.name}</span>
              {text.wall && latest != null && (
                <span className="font-semibold tabular-nums text-slate-900 dark:text-white">
                  {formatKpiValue(latest, unit)}
                  {running !== null && split[j]!.running[running] != null ? " so far" : ""}
                </span>
              )}
            </li>
          );
        })}
        {series.some((s) => s.previous) && (
          <li className="flex items-center gap-1.5">
            <span className="inline-block w-[1.2em] border-t-2 border-dashed border-slate-400" aria-hidden />
            Previous period
          </li>
        )}
      </ul>
      <div className="min-h-0 flex-1">
        <ResponsiveContainer width="100%" height="100%" onResize={(_, height) => setPlotHeight(height)}>
          <LineChart data={rows} margin={{ top: topMargin, right: text.fontPx, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
            {/* The margin keeps the first hour's label clear of the y axis's "0", whose glyphs straddle the baseline. */}
            <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={false} minTickGap={text.fontPx * 2.5} interval="preserveStartEnd" tickMargin={text.fontPx} height={axisHeight} />
            <YAxis
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={yAxisWidth(tickChars, text.fontPx)}
              domain={scale.domain}
              ticks={scale.ticks}
              interval={0}
              tickFormatter={(v: number) => formatTick(v, unit)}
            />
            {!text.wall && (
              <Tooltip content={(props) => <PeriodTooltip active={props.active} index={props.activeIndex == null ? null : Number(props.activeIndex)} series={series} unit={unit} running={running} rows={rows} />} />
            )}
            {/* Only the first goal is labelled: two labels at similar heights would sit on each other; the colour tells the others apart. */}
            {goals.map((s, i) => (
              <ReferenceLine
                key={`goal-${s.key}`}
                y={s.goal!}
                stroke={s.colour}
                strokeDasharray="6 4"
                strokeWidth={text.wall ? 3 : 1.5}
                label={i === 0 ? { value: `Goal ${formatTick(s.goal!, unit)}`, position: goalLabelPosition(s.goal!, scale.domain), fontSize: text.fontPx, style: { fill: "var(--chart-ink)" } } : undefined}
                ifOverflow="extendDomain"
              />
            ))}
            {series.map((s) =>
              s.previous ? (
                <Line key={s.key + PREVIOUS} dataKey={s.key + PREVIOUS} stroke="#94a3b8" strokeOpacity={0.8} strokeDasharray="4 4" strokeWidth={text.wall ? 2.5 : 1.5} dot={false} connectNulls isAnimationActive={false} />
              ) : null,
            )}
            {series.flatMap((s) => [
              <Line key={s.key} dataKey={s.key} stroke={s.colour} strokeWidth={text.wall ? 4 : 2.5} dot={false} connectNulls isAnimationActive={false} />,
              <Line key={s.key + RUNNING} dataKey={s.key + RUNNING} stroke={s.colour} strokeOpacity={0.7} strokeDasharray="3 5" strokeWidth={text.wall ? 4 : 2.5} dot={{ r: text.wall ? 5 : 3, strokeWidth: 0, fill: s.colour }} isAnimationActive={false} />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/**
 * Above a goal in the lower half of the axis, below one in the upper half: the label then never
 * runs into the time axis's labels or off the top of the plot. (A horizontal line's label box has
 * no height, so "insideBottom" is the side above the line.)
 */
function goalLabelPosition(goal: number, [min, max]: [number, number]): "insideBottomRight" | "insideTopRight" {
  return goal - min < (max - min) / 2 ? "insideBottomRight" : "insideTopRight";
}

/** The bucket's period, each series' value in its unit ("so far" while the bucket runs) and the previous period's. */
function PeriodTooltip({ active, index, series, unit, running, rows }: { active?: boolean; index: number | null; series: ChartSeries[]; unit: KpiUnit; running: number | null; rows: Row[] }) {
  const row = index === null ? undefined : rows[index];
  if (!active || index === null || !row) return null;
  const soFar = index === running;
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-3 py-2 text-xs shadow-md dark:border-slate-700 dark:bg-slate-900" data-testid="chart-tooltip">
      <p className="mb-1 font-medium text-slate-900 dark:text-white">
        {row.period}
        {soFar ? " (so far)" : ""}
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
        {series.map((s) => (
          <div key={s.key} className="contents">
            <dt className="flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
              <span className="inline-block size-2 rounded-full" style={{ background: s.colour }} aria-hidden />
              {s.name}
            </dt>
            <dd className="text-right font-semibold tabular-nums text-slate-900 dark:text-white">
              {formatKpiValue(s.points[index] ?? null, unit)}
              {soFar ? " so far" : ""}
            </dd>
            {s.previous && (
              <>
                <dt className="pl-3.5 text-slate-500 dark:text-slate-400">previous period</dt>
                <dd className="text-right tabular-nums text-slate-600 dark:text-slate-300">{formatKpiValue(s.previous[index] ?? null, unit)}</dd>
              </>
            )}
            {s.goal != null && (
              <>
                <dt className="pl-3.5 text-slate-500 dark:text-slate-400">goal</dt>
                <dd className="text-right tabular-nums text-slate-600 dark:text-slate-300">{formatKpiValue(s.goal, unit)}</dd>
              </>
            )}
          </div>
        ))}
      </dl>
    </div>
  );
}

// Recharts draws a tick's text its tick size and margin (6 + 2 px) left of the axis, inside the
// axis's width; "%" and "h" are wider than a digit, so a digit's 0.62 em alone clipped "60%".
const TICK_OFFSET_PX = 8;
function yAxisWidth(chars: number, fontPx: number): number {
  return Math.ceil(fontPx * 0.7 * chars + fontPx * 0.6 + TICK_OFFSET_PX);
}
