import type { DashboardData } from "@/lib/dashboards/dashboard-data";

export class PollError extends Error {
  constructor(readonly status: number) {
    super(`poll answered ${status}`);
  }
}

/**
 * One conditional GET of a dashboard snapshot: the numbers and their ETag, or `null` when the
 * server says they are unchanged (304). Other failures throw PollError with the status.
 */
export async function pollSnapshot(url: string, etag: string, signal: AbortSignal): Promise<{ data: DashboardData; etag: string } | null> {
  const response = await fetch(url, { headers: { "If-None-Match": etag }, cache: "no-store", signal });
  if (response.status === 304) return null;
  if (!response.ok) throw new PollError(response.status);
  return { data: (await response.json()) as DashboardData, etag: response.headers.get("etag") ?? "" };
}
