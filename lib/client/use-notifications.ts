"use client";

import { useQuery } from "@tanstack/react-query";

import type { NotificationList } from "@/lib/motivation/notifications";

import { fetchApi } from "./fetch-api";
import { POLL_INTERVALS } from "./poll-intervals";
import { queryKeys } from "./query-keys";

/** The signed-in agent's notifications, polled; a failed poll keeps the last list and the next one tries again. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications(),
    queryFn: ({ signal }) => fetchApi<NotificationList>("/api/v1/notifications", { signal }),
    refetchInterval: POLL_INTERVALS.notificationsMs,
    refetchIntervalInBackground: true,
    retry: false,
  });
}
