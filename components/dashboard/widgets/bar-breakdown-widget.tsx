"use client";

import { useChartText } from "@/components/tv/wall-text";
import { axisScale } from "@/lib/charts/axis-ticks";
import type { BreakdownWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";

import { SERIES_COLOURS } from "../status";
import { FittedList } from "../fitted-list";
import { WidgetFrame } from "../widget-frame";

type Group = BreakdownWidgetData["groups"][number];

/**
 * A KPI by team, channel or the like, as horizontal bars drawn in HTML: each name gets its own
 * line and is cut with an ellipsis (the full name in its title) so no two names overlap, values
 * sit at the bar's end in the text colour, and the list shows whole rows with "+ n more".
 */
export function BarBreakdownWidget({ title, data, href, stale }: { title: string; data: BreakdownWidgetData; href?: string; stale: boolean }) {
  const text = useChartText();
  const rows = data.groups.filter((g): g is Group & { value: number } => g.value !== null);
  const [, top] = axisScale([...rows.map((g) => g.value), data.goal], data.unit, text.maxTicks).domain;
  const share = (v: number) => `${Math.max(0, Math.min(1, v / top)) * 100}%`;
  return (
    <WidgetFrame title={title} href={href} stale={stale} testId="bar-breakdown">
      {rows.length === 0 ? (
        <p className="grid h-full place-items-center text-sm text-slate-500 dark:text-slate-400">No data in this period yet.</p>
      ) : (
        <div className="flex h-full min-h-0 flex-col">
          {data.goal !== null && (
            <p className="shrink-0 text-xs text-slate-600 dark:text-slate-300">
              <span className="mr-1.5 inline-block h-[0.9em] border-l-2 border-dashed border-slate-700 align-middle dark:border-slate-200" aria-hidden />
              Goal {formatKpiValue(data.goal, data.unit)}
            </p>
          )}
          <div className="min-h-0 flex-1">
            <FittedList
              items={rows}
              rowKey={(g) => g.key ?? g.label}
              className={text.wall ? "text-[1.05rem]" : "text-sm"}
              row={(g) => (
                <div className="grid grid-cols-[minmax(0,9em)_minmax(0,1fr)_5.5em] items-center gap-3 py-[0.2em]" data-testid="bar-row">
                  <span className="truncate text-slate-700 dark:text-slate-200" title={g.label} data-testid="bar-label">
                    {g.label}
                  </span>
                  <span className="relative block h-[1.1em]">
                    <span className="block h-full rounded-r-md" style={{ width: share(g.value), minWidth: "2px", background: SERIES_COLOURS[0] }} aria-hidden />
                    {data.goal !== null && (
                      <span className="absolute inset-y-[-0.25em] border-l-2 border-dashed border-slate-700 dark:border-slate-200" style={{ left: share(data.goal) }} aria-hidden />
                    )}
                  </span>
                  <span className="text-right font-semibold tabular-nums text-slate-900 dark:text-white" data-testid="bar-value">
                    {formatKpiValue(g.value, data.unit)}
                  </span>
                </div>
              )}
            />
          </div>
        </div>
      )}
    </WidgetFrame>
  );
}
