import type { ShareLinkGrant } from "@/lib/auth/share-links";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import type { DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { busyAsProblem } from "@/lib/dashboards/handle-snapshot-request";
import { getDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import type { Tagged } from "@/lib/http/route";

import { withLockedFilters } from "./locked-filters";

/** The scope of a view-only link: the organisation's numbers, as a wall screen sees them; only the locked filters narrow it. */
export const SHARE_LINK_SCOPE = { kind: "all" } as const;

/**
 * GET /api/v1/share/<token>?<filters>: the link's dashboard for one poll, for a link the route
 * wrapper has checked already. Polls share the snapshot cache with every other viewer.
 */
export async function handleSharedSnapshotRequest(prisma: PrismaClient, link: ShareLinkGrant, requested: DashboardFilters): Promise<Response | Tagged<DashboardData>> {
  const dashboard = await getDashboard(prisma, link.dashboardSlug);
  if (!dashboard) return problem(404, "not_found", "This link's dashboard no longer exists.");
  const result = await busyAsProblem(loadDashboardSnapshot(prisma, dashboard, withLockedFilters(requested, link.locked), SHARE_LINK_SCOPE));
  if (result instanceof Response) return result;
  if (!result.ok) return problem(403, "forbidden", result.message);
  return result.snapshot;
}
