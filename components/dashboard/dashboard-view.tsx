"use client";

import type { DefinedUseQueryResult } from "@tanstack/react-query";

import { Celebration } from "@/components/celebrations/celebration";
import { useCelebrations } from "@/components/celebrations/use-celebrations";
import { ApiError } from "@/lib/client/api-error";
import { useDashboardSnapshot } from "@/lib/client/use-dashboard-snapshot";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import type { DashboardWidget } from "@/lib/dashboards/widget-config";

import { DashboardGrid } from "./dashboard-grid";
import { useNow } from "./use-now";

interface DashboardViewProps {
  slug: string;
  /** The filters' query string ("" or "?…"). */
  search: string;
  pollSeconds: number;
  widgets: DashboardWidget[];
  initial: { data: DashboardData; etag: string };
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ago`;
}

/** A signed-in viewer's live dashboard, polled through `/api/v1/dashboards/<slug>`. */
export function DashboardView({ slug, search, pollSeconds, widgets, initial }: DashboardViewProps) {
  const query = useDashboardSnapshot({ slug, search, intervalMs: pollSeconds * 1000, initial });
  return <LiveDashboard query={query} id={slug} search={search} pollSeconds={pollSeconds} widgets={widgets} exportSlug={slug} />;
}

interface LiveDashboardProps {
  /** The poll of whichever endpoint serves this viewer (a session's dashboard, a view-only link). */
  query: DefinedUseQueryResult<DashboardData, Error>;
  /** Names the view for celebrations: a KPI turning green is celebrated once per view. */
  id: string;
  /** Carried into drill-down links; null for none. */
  search: string | null;
  pollSeconds: number;
  widgets: DashboardWidget[];
  /** A signed-in viewer's dashboard offers each widget's export; a view-only link does not. */
  exportSlug?: string;
}

/**
 * A live dashboard: first paint from the server's snapshot, then one GET per polling interval for
 * all its widgets (a 304 when nothing changed). A failed poll keeps the last numbers on screen with
 * a warning; numbers older than two intervals are marked stale, and numbers the busy server
 * answered from its last computation say "updating…".
 */
export function LiveDashboard({ query, id, search, pollSeconds, widgets, exportSlug }: LiveDashboardProps) {
  const intervalMs = pollSeconds * 1000;
  const now = useNow(query.dataUpdatedAt);
  const age = now - query.dataUpdatedAt;
  const stale = age > 2 * intervalMs;
  const signedOut = ApiError.isStatus(query.error, 401);
  const celebration = useCelebrations(widgets, query.data, id);

  return (
    <div className="space-y-4">
      <div className="flex min-h-7 flex-wrap items-center justify-end gap-3 text-sm" aria-live="polite">
        {query.isError && (
          <p
            role="status"
            data-testid="poll-warning"
            className="rounded-full border border-amber-300 bg-amber-50 px-3 py-1 font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
          >
            <span aria-hidden>!</span>{" "}
            {signedOut ? (
              <>
                Your session has ended. <a href="/sign-in" className="underline">Sign in again</a>
              </>
            ) : (
              <>Can’t reach the server: showing numbers from {clock.format(query.dataUpdatedAt)}. Retrying…</>
            )}
          </p>
        )}
        <p className="text-slate-500 dark:text-slate-400" data-testid="updated-ago">
          <span className={`mr-1.5 inline-block h-2 w-2 rounded-full ${stale || query.isError || query.data.stale ? "bg-amber-500" : "bg-emerald-500"}`} aria-hidden />
          Updated {ago(age)} · every {pollSeconds} s
          {query.data.stale && <span data-testid="snapshot-updating"> · updating…</span>}
        </p>
      </div>
      <DashboardGrid widgets={widgets} data={query.data} stale={stale} search={search} exportSlug={exportSlug} />
      {celebration.message && <Celebration message={celebration.message} onDone={celebration.dismiss} variant="toast" />}
    </div>
  );
}
