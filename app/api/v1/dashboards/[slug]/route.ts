import { z } from "zod";

import { scopeOf } from "@/lib/auth/scope";
import { ZDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { handleSnapshotRequest } from "@/lib/dashboards/handle-snapshot-request";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "kpis:read", params: z.object({ slug: z.string() }), query: ZDashboardFilters, etag: true },
  ({ db, principal, params, query }) => handleSnapshotRequest(db, params.slug, query, scopeOf(principal)),
);
