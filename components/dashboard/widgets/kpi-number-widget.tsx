"use client";

import Link from "next/link";
import { useId } from "react";
import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";

import type { NumberWidgetData } from "@/lib/dashboards/dashboard-data";
import { describeChange } from "@/lib/kpi/describe-change";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

import { AnimatedValue } from "../animated-value";
import { CHANGE_STYLE, SERIES_COLOURS } from "../status";
import { standingAccent, TargetStandingBadge } from "../target-standing-badge";
import { WidgetFrame } from "../widget-frame";

const integer = new Intl.NumberFormat("en-US");

/** The change against the previous window, worded and coloured by whether it is good for this KPI. */
function Change({ data }: { data: NumberWidgetData }) {
  const change = describeChange(data.fact, data.current.value, data.previous?.value ?? null);
  if (!change) return <span className="text-slate-500 dark:text-slate-400">No earlier data to compare</span>;
  return (
    <span className={CHANGE_STYLE[change.tone]} data-testid="kpi-change">
      <span aria-hidden>{change.arrow}</span> {change.amount}{" "}
      <span className="text-slate-500 dark:text-slate-400">vs previous period</span>
      <span className="sr-only">{change.tone === "same" ? "" : change.tone === "better" ? " (better)" : " (worse)"}</span>
    </span>
  );
}

export function KpiNumberWidget({ title, data, href, stale, kiosk = false }: { title: string; data: NumberWidgetData; href?: string; stale: boolean; kiosk?: boolean }) {
  const kpi = data.fact;
  const popover = useId();
  const testId = `kpi-${data.kpi.replace(/_/g, "-")}`;
  const points = data.sparkline.map((value, i) => ({ i, value }));
  const { current } = data;
  return (
    <WidgetFrame
      title={title}
      href={href}
      stale={stale}
      accent={standingAccent(data.standing)}
      testId={testId}
      aside={
        <>
          {/* The gap goes under the number: beside the title it would squeeze the KPI's name. */}
          <TargetStandingBadge kpi={data.fact} standing={data.standing} withGap={false} />
          {!kiosk && (
          <button
            type="button"
            popoverTarget={popover}
            aria-label={`How ${kpi.name} is computed`}
            className="grid h-6 w-6 place-items-center rounded-full border border-slate-300 text-xs font-semibold text-slate-500 dark:text-slate-400 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800 print:hidden"
          >
            i
          </button>
          )}
          {!kiosk && (
          <div
            id={popover}
            popover="auto"
            className="m-auto max-w-sm rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-xl backdrop:bg-slate-900/20 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
          >
            <p className="font-semibold text-slate-900 dark:text-white">{kpi.name}</p>
            <p className="mt-2">{kpi.plain}</p>
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{kpi.definition}</p>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 tabular-nums">
              <dt className="text-slate-500 dark:text-slate-400">Records</dt>
              <dd>{integer.format(current.n)}</dd>
              {current.numerator !== undefined && (
                <>
                  <dt className="text-slate-500 dark:text-slate-400">Numerator / denominator</dt>
                  <dd>
                    {integer.format(current.numerator)} / {integer.format(current.denominator ?? 0)}
                  </dd>
                </>
              )}
              {data.target && (
                <>
                  <dt className="text-slate-500 dark:text-slate-400">Target ({data.target.scope})</dt>
                  <dd>
                    {formatKpiValue(data.target.value, kpi.unit)} · warn {formatKpiValue(data.target.warning, kpi.unit)} · critical{" "}
                    {formatKpiValue(data.target.critical, kpi.unit)}
                  </dd>
                </>
              )}
            </dl>
            {/* A polling card shows the mean; the median and p90 are on the KPI's page. */}
            {href && (
              <Link href={href} className="mt-3 inline-block font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                {kpi.distribution ? "Median, p90 and trend" : "Trend and breakdown"} →
              </Link>
            )}
          </div>
          )}
        </>
      }
    >
      <div className="flex h-full flex-col">
        <div className="flex items-end justify-between gap-3">
          <p
            className={`whitespace-nowrap font-semibold tracking-tight tabular-nums text-slate-900 dark:text-white ${kiosk ? "text-[2.6rem] leading-none" : "text-3xl xl:text-4xl"}`}
            data-testid={`${testId}-value`}
          >
            <AnimatedValue value={current.value} unit={current.unit} />
          </p>
          {points.length > 1 && (
            <div className="h-10 w-28 shrink-0" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
                  <YAxis hide domain={["dataMin", "dataMax"]} />
                  <Line type="monotone" dataKey="value" stroke={SERIES_COLOURS[0]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          )}
        </div>
        <p className="mt-1 text-sm">
          {data.channelNote ? (
            <span className="text-slate-500 dark:text-slate-400" data-testid="kpi-channel-note">
              {data.channelNote}
            </span>
          ) : kpi.live ? (
            <span className="text-slate-500 dark:text-slate-400">Right now</span>
          ) : (
            <Change data={data} />
          )}
        </p>
        <p className={`mt-auto pt-1 text-xs text-slate-500 dark:text-slate-400 ${kiosk ? "hidden" : ""}`}>
          {kpi.live ? "\u00a0" : data.kpi === "backlog" ? "Open at the end of the period" : `${integer.format(current.n)} ${current.unit === "count" ? "in period" : "records"}`}
          {current.marginOfError != null && current.n > 0 ? ` · ±${current.marginOfError.toFixed(1)} (95%)` : ""}
          {data.standing && "gap" in data.standing ? (
            <span className="font-medium text-slate-700 dark:text-slate-200" data-testid="target-gap">
              {" "}
              · {data.standing.gap}
            </span>
          ) : data.target ? (
            ` · target ${formatKpiValue(data.target.value, kpi.unit)}`
          ) : (
            ""
          )}
        </p>
      </div>
    </WidgetFrame>
  );
}
