import { z } from "zod";

import { route } from "@/lib/http/route";
import { handleTvSnapshotRequest } from "@/lib/tv/handle-tv-requests";

export const dynamic = "force-dynamic";

// Authorised by the screen token in the path, for the dashboards of that screen only.
export const GET = route(
  { auth: { screenToken: "token" }, params: z.object({ token: z.string(), slug: z.string() }), etag: true },
  ({ db, principal, params }) => handleTvSnapshotRequest(db, principal.screenId, params.slug),
);
