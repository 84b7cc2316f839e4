"use client";

import { useQuery } from "@tanstack/react-query";

import type { TvPlaylist } from "@/lib/tv/screen-playlist";

import { ApiError } from "./api-error";
import { fetchApi } from "./fetch-api";
import { POLL_INTERVALS } from "./poll-intervals";
import { queryKeys } from "./query-keys";

/**
 * A wall screen's playlist, polled slowly so new dashboards, rotation changes and deploys reach it.
 * A 401 means the token was revoked: no retry, and polling stops for good.
 */
export function useTvPlaylist(token: string, initial: TvPlaylist) {
  return useQuery({
    queryKey: queryKeys.tvPlaylist(token),
    queryFn: ({ signal }) => fetchApi<TvPlaylist>(`/api/v1/tv/${encodeURIComponent(token)}`, { signal }),
    initialData: initial,
    refetchInterval: (query) => (ApiError.isStatus(query.state.error, 401) ? false : POLL_INTERVALS.tvPlaylistMs),
    retry: (count, error) => !ApiError.isStatus(error, 401) && count < 2,
  });
}
