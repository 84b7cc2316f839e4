import { z } from "zod";

import { ZDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { route } from "@/lib/http/route";
import { handleSharedSnapshotRequest } from "@/lib/share/handle-share-requests";

export const dynamic = "force-dynamic";

// Authorised by the view-only link's token in the path, for that link's dashboard only.
export const GET = route(
  { auth: { shareToken: "token" }, params: z.object({ token: z.string() }), query: ZDashboardFilters, etag: true },
  ({ db, principal, query }) => handleSharedSnapshotRequest(db, principal.link, query),
);
