import type { KpiScope } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import type { Tagged } from "@/lib/http/route";

import type { DashboardData } from "./dashboard-data";
import type { DashboardFilters } from "./dashboard-filters";
import { getDashboard, loadDashboardSnapshot } from "./load-dashboard";
import { SnapshotBusyError } from "./snapshot-cache";

/**
 * GET /api/v1/dashboards/<slug>: everything the dashboard shows, for one poll, with the ETag that
 * lets the route answer 304 when the numbers are those the client already has.
 */
export async function handleSnapshotRequest(
  prisma: PrismaClient,
  slug: string,
  filters: DashboardFilters,
  scope: KpiScope,
): Promise<Response | Tagged<DashboardData>> {
  const dashboard = await getDashboard(prisma, slug);
  if (!dashboard) return problem(404, "not_found", `No dashboard ${slug}.`);
  const result = await busyAsProblem(loadDashboardSnapshot(prisma, dashboard, filters, scope));
  if (result instanceof Response) return result;
  if (!result.ok) {
    return problem(403, "forbidden", `${result.parameter}: ${result.message}`, { invalidParams: [{ name: result.parameter, reason: result.message }] });
  }
  return result.snapshot;
}

/** A poll refused because too many computations wait (snapshot-cache.ts) is a 503 to retry after one interval. */
export async function busyAsProblem<T>(loading: Promise<T>): Promise<T | Response> {
  try {
    return await loading;
  } catch (error) {
    if (!SnapshotBusyError.is(error)) throw error;
    return problem(503, "unavailable", "The server is computing many dashboards right now; retry this poll shortly.", {
      headers: { "Retry-After": String(error.retryAfterSeconds) },
    });
  }
}
