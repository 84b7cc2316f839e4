"use client";

import { useQuery } from "@tanstack/react-query";

import type { DashboardData } from "@/lib/dashboards/dashboard-data";

import { ApiError } from "./api-error";
import { fetchIfChanged, type Tagged } from "./fetch-if-changed";
import { queryKeys } from "./query-keys";

/** The longest a screen waits between two tries of a failing poll. */
const MAX_RETRY_DELAY_MS = 30_000;

const dataOf = (tagged: Tagged<DashboardData>) => tagged.data;

/**
 * The dashboard a wall screen shows now, polled like a viewer's (conditional GET per interval) but
 * for as long as it takes: a failing poll keeps the last numbers and retries with back-off. A 401
 * means the screen was disconnected: no retry, and polling stops. Disabled (slug null) while the
 * screen shows a competition slide.
 */
export function useTvSnapshot({ token, slug, intervalMs, initial }: { token: string; slug: string | null; intervalMs: number; initial: DashboardData | undefined }) {
  return useQuery({
    queryKey: queryKeys.tvSnapshot(token, slug ?? ""),
    queryFn: ({ client, queryKey, signal }) =>
      fetchIfChanged(`/api/v1/tv/${encodeURIComponent(token)}/dashboards/${encodeURIComponent(slug ?? "")}`, client.getQueryData<Tagged<DashboardData>>(queryKey), { signal }),
    enabled: slug !== null,
    // The server-rendered numbers carry no ETag: the first poll answers in full.
    initialData: initial && { data: initial, etag: "" },
    initialDataUpdatedAt: initial && Date.parse(initial.computedAt),
    select: dataOf,
    refetchInterval: (query) => (ApiError.isStatus(query.state.error, 401) ? false : intervalMs),
    refetchIntervalInBackground: true,
    // Back off: quickly at first, then no faster than every 30 s.
    retry: (count, error) => !ApiError.isStatus(error, 401) && count < 3,
    retryDelay: (attempt) => Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** attempt),
  });
}
