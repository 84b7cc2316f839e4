"use client";

import { useQuery } from "@tanstack/react-query";

import type { DashboardData } from "@/lib/dashboards/dashboard-data";

import { ApiError } from "./api-error";
import { fetchIfChanged, type Tagged } from "./fetch-if-changed";
import { queryKeys } from "./query-keys";

const dataOf = (tagged: Tagged<DashboardData>) => tagged.data;

/**
 * The dashboard of a view-only link, polled like a viewer's (one conditional GET per interval,
 * the locked filters applied by the server whatever `search` says). A 401 means the link was
 * revoked or expired: no retry, and polling stops for good, as on a disconnected wall screen.
 */
export function useSharedDashboard({ token, search, intervalMs, initial }: { token: string; search: string; intervalMs: number; initial: Tagged<DashboardData> }) {
  return useQuery({
    queryKey: queryKeys.sharedDashboard(token, search),
    queryFn: ({ client, queryKey, signal }) =>
      fetchIfChanged(`/api/v1/share/${encodeURIComponent(token)}${search}`, client.getQueryData<Tagged<DashboardData>>(queryKey), { signal }),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.data.computedAt),
    select: dataOf,
    refetchInterval: (query) => (ApiError.isStatus(query.state.error, 401) ? false : intervalMs),
    refetchIntervalInBackground: true,
    // Retries back off inside one interval; the next interval polls again anyway.
    retry: (count, error) => !ApiError.isStatus(error, 401) && count < 2,
    retryDelay: (attempt) => Math.min(intervalMs / 3, 1000 * 2 ** attempt),
  });
}
