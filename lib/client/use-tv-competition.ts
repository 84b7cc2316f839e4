"use client";

import { useQuery } from "@tanstack/react-query";

import type { CompetitionSlideData } from "@/lib/tv/load-competition-slide";

import { ApiError } from "./api-error";
import { fetchIfChanged, type Tagged } from "./fetch-if-changed";
import { queryKeys } from "./query-keys";

/** The longest a screen waits between two tries of a failing poll. */
const MAX_RETRY_DELAY_MS = 30_000;

const dataOf = (tagged: Tagged<CompetitionSlideData>) => tagged.data;

/**
 * The competition slide a wall screen shows now, polled like its dashboards (see useTvSnapshot): a
 * failing poll keeps the last standing and retries with back-off; a 401 stops polling. Disabled
 * (id null) while the screen shows a dashboard.
 */
export function useTvCompetition({ token, id, intervalMs, initial }: { token: string; id: number | null; intervalMs: number; initial: CompetitionSlideData | undefined }) {
  return useQuery({
    queryKey: queryKeys.tvCompetition(token, id ?? 0),
    queryFn: ({ client, queryKey, signal }) =>
      fetchIfChanged(`/api/v1/tv/${encodeURIComponent(token)}/competitions/${id}`, client.getQueryData<Tagged<CompetitionSlideData>>(queryKey), { signal }),
    enabled: id !== null,
    initialData: initial && { data: initial, etag: "" },
    initialDataUpdatedAt: initial && Date.parse(initial.computedAt),
    select: dataOf,
    refetchInterval: (query) => (ApiError.isStatus(query.state.error, 401) ? false : intervalMs),
    refetchIntervalInBackground: true,
    retry: (count, error) => !ApiError.isStatus(error, 401) && count < 3,
    retryDelay: (attempt) => Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** attempt),
  });
}
