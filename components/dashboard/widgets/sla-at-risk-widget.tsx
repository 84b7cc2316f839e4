"use client";

import Link from "next/link";

import type { SlaAtRiskWidgetData } from "@/lib/dashboards/dashboard-data";
import { formatDuration } from "@/lib/kpi/format-kpi-value";

import { FittedList } from "../fitted-list";
import { WidgetFrame } from "../widget-frame";

const PRIORITY_STYLES: Record<string, string> = {
  urgent: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  high: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  normal: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  low: "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400",
};

/** Whole minutes ("12 min", "3h 05m"): a countdown in seconds would flicker on a wall screen between polls. */
function roughly(seconds: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(seconds) / 60));
  return minutes < 60 ? `${minutes} min` : formatDuration(minutes * 60);
}

const horizon = (minutes: number) => (minutes < 120 ? `${minutes} min` : formatDuration(minutes * 60));

/** Open tickets waiting for a first response: the next to breach, then the breached. */
export function SlaAtRiskWidget({ title, data, stale, linkTickets }: { title: string; data: SlaAtRiskWidgetData; stale: boolean; linkTickets: boolean }) {
  const summary = (
    <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="sla-at-risk-summary">
      <span className={data.breached ? "font-semibold text-red-700 dark:text-red-300" : ""}>{data.breached} breached</span> · {data.atRisk} due within{" "}
      {horizon(data.horizonMinutes)}
    </span>
  );
  return (
    <WidgetFrame title={title} stale={stale} aside={summary} testId="sla-at-risk" accent={data.breached ? "border-t-red-600" : undefined}>
      {data.tickets.length === 0 ? (
        <p className="grid h-full place-items-center text-center text-sm text-slate-500 dark:text-slate-400">
          No open ticket is due for a first response within {horizon(data.horizonMinutes)}.
        </p>
      ) : (
        <FittedList
          items={data.tickets}
          rowKey={(t) => t.externalId}
          beyond={Math.max(0, data.breached + data.atRisk - data.tickets.length)}
          className="divide-y divide-slate-100 text-sm dark:divide-slate-800"
          row={(t) => {
            const breached = t.secondsLeft <= 0;
            return (
              <div className="flex items-center gap-3 py-1.5" data-testid="sla-at-risk-row" data-breached={breached || undefined}>
                <span className={`w-[5.5em] shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-medium capitalize ${PRIORITY_STYLES[t.priority] ?? PRIORITY_STYLES.normal}`}>
                  {t.priority}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-slate-800 dark:text-slate-100" title={t.subject ?? t.externalId}>
                    {linkTickets ? (
                      <Link href={`/tickets/${encodeURIComponent(t.externalId)}`} className="hover:underline">
                        {t.subject ?? t.externalId}
                      </Link>
                    ) : (
                      (t.subject ?? t.externalId)
                    )}
                  </span>
                  <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
                    {[t.externalId, t.team, t.assignee ?? "Unassigned"].filter(Boolean).join(" · ")}
                  </span>
                </span>
                <span
                  className={`shrink-0 text-right font-semibold tabular-nums ${breached ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}`}
                >
                  {breached ? `${roughly(t.secondsLeft)} over` : `${roughly(t.secondsLeft)} left`}
                </span>
              </div>
            );
          }}
        />
      )}
    </WidgetFrame>
  );
}
