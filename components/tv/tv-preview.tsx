"use client";

import { DashboardGrid } from "@/components/dashboard/dashboard-grid";
import { useNow } from "@/components/dashboard/use-now";
import { QueryProvider } from "@/lib/client/query-provider";
import { useDashboardSnapshot } from "@/lib/client/use-dashboard-snapshot";
import type { Dashboard, Snapshot } from "@/lib/dashboards/load-dashboard";

interface TvPreviewProps {
  dashboard: Dashboard;
  initial: Snapshot;
  timeZone: string;
}

/** A wall screen's frame around one dashboard, polling as the signed-in editor. */
export function TvPreview(props: TvPreviewProps) {
  return (
    <QueryProvider kiosk>
      <Preview {...props} />
    </QueryProvider>
  );
}

function Preview({ dashboard, initial, timeZone }: TvPreviewProps) {
  const now = useNow(Date.parse(initial.data.computedAt));
  const snapshot = useDashboardSnapshot({ slug: dashboard.slug, search: "", intervalMs: dashboard.pollSeconds * 1000, initial });
  const clock = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });
  return (
    <div className="tv-screen dark fixed inset-0 flex flex-col bg-slate-950 px-[1.2rem] pb-[1rem] text-slate-50" data-testid="tv-preview">
      <header className="flex items-center justify-between gap-4 py-[0.6rem]">
        <h1 className="text-[1.6rem] font-semibold tracking-tight">{dashboard.name}</h1>
        <time className="text-[1.6rem] font-semibold tabular-nums">{clock.format(now)}</time>
      </header>
      <main className="min-h-0 flex-1">
        <DashboardGrid widgets={dashboard.widgets} data={snapshot.data} stale={false} search={null} kiosk />
      </main>
    </div>
  );
}
