"use client";

import { AwardBadge } from "@/components/motivation/award-badge";
import type { AchievementsFeedWidgetData } from "@/lib/dashboards/dashboard-data";

import { FittedList } from "../fitted-list";
import { WidgetFrame } from "../widget-frame";

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** The newest achievements, who earned them and with what. */
export function AchievementsFeedWidget({ title, data, stale, now }: { title: string; data: AchievementsFeedWidgetData; stale: boolean; now: number }) {
  return (
    <WidgetFrame title={title} stale={stale} testId="achievements-feed">
      {data.awards.length === 0 ? (
        <p className="grid h-full place-items-center text-center text-sm text-slate-500 dark:text-slate-400">No achievements yet. Managers define them under Competitions.</p>
      ) : (
        <FittedList
          items={data.awards}
          rowKey={(a) => String(a.id)}
          className="divide-y divide-slate-100 text-sm dark:divide-slate-800"
          row={(a) => (
            <div className="flex items-center gap-3 py-1.5" data-testid="achievement-row">
              <AwardBadge />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-800 dark:text-slate-100">{a.subjectName}</span>
                <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
                  {a.achievement} · {a.formatted}
                </span>
              </span>
              <time className="shrink-0 text-xs text-slate-500 dark:text-slate-400" dateTime={a.awardedAt}>
                {ago(now - new Date(a.awardedAt).getTime())}
              </time>
            </div>
          )}
        />
      )}
    </WidgetFrame>
  );
}
