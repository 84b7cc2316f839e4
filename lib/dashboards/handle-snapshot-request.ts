import type { KpiScope } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import type { Tagged } from "@/lib/http/route";

import type { DashboardData } from "./dashboard-data";
import type { DashboardFilters } from "./dashboard-filters";
import { getDashboard, loadDashboardSnapshot } from "./load-dashboard";

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
  const result = await loadDashboardSnapshot(prisma, dashboard, filters, scope);
  if (!result.ok) {
    return problem(403, "forbidden", `${result.parameter}: ${result.message}`, { invalidParams: [{ name: result.parameter, reason: result.message }] });
  }
  return result.snapshot;
}
