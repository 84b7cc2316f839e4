"use client";

import { useQuery } from "@tanstack/react-query";

import type { DashboardData } from "@/lib/dashboards/dashboard-data";

import { fetchIfChanged, type Tagged } from "./fetch-if-changed";
import { queryKeys } from "./query-keys";

const dataOf = (tagged: Tagged<DashboardData>) => tagged.data;

/**
 * A viewer's live dashboard: first the server-rendered snapshot, then one conditional GET per
 * interval for all its widgets. On a failed poll the last numbers stay (the query keeps its data)
 * and `error` says why; a 401 keeps polling so signing in again in another tab brings it back.
 */
export function useDashboardSnapshot({ slug, search, intervalMs, initial }: { slug: string; search: string; intervalMs: number; initial: Tagged<DashboardData> }) {
  return useQuery({
    queryKey: queryKeys.dashboardSnapshot(slug, search),
    queryFn: ({ client, queryKey, signal }) =>
      fetchIfChanged(`/api/v1/dashboards/${encodeURIComponent(slug)}${search}`, client.getQueryData<Tagged<DashboardData>>(queryKey), { signal }),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.data.computedAt),
    select: dataOf,
    refetchInterval: intervalMs,
    refetchIntervalInBackground: true,
    // Retries back off inside one interval; the next interval polls again anyway.
    retry: 2,
    retryDelay: (attempt) => Math.min(intervalMs / 3, 1000 * 2 ** attempt),
  });
}
