"use client";

import type { ReactNode } from "react";

import { LiveDashboard } from "@/components/dashboard/dashboard-view";
import { ApiError } from "@/lib/client/api-error";
import type { Tagged } from "@/lib/client/fetch-if-changed";
import { useSharedDashboard } from "@/lib/client/use-shared-dashboard";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import type { DashboardWidget } from "@/lib/dashboards/widget-config";

import { LinkEnded } from "./link-ended";

interface SharedDashboardProps {
  token: string;
  /** The viewer's own filter choices as a query string; the server adds the locked ones. */
  search: string;
  pollSeconds: number;
  widgets: DashboardWidget[];
  initial: Tagged<DashboardData>;
  /** The title and filter bar, server-rendered, shown while the link works. */
  heading: ReactNode;
}

/**
 * A view-only link's live dashboard, read-only: no drill-down links. When a poll answers 401 the
 * link was revoked or has expired: everything on the page, numbers included, gives way to the
 * notice, and polling stops.
 */
export function SharedDashboard({ token, search, pollSeconds, widgets, initial, heading }: SharedDashboardProps) {
  const query = useSharedDashboard({ token, search, intervalMs: pollSeconds * 1000, initial });
  if (ApiError.isStatus(query.error, 401)) return <LinkEnded />;
  return (
    <main className="mx-auto max-w-[1600px] space-y-5 px-6 py-6">
      {heading}
      <LiveDashboard query={query} id={`share:${token}`} search={null} pollSeconds={pollSeconds} widgets={widgets} />
    </main>
  );
}
