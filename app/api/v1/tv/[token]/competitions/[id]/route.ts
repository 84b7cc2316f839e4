import { z } from "zod";

import { route } from "@/lib/http/route";
import { handleTvCompetitionRequest } from "@/lib/tv/handle-tv-requests";

export const dynamic = "force-dynamic";

// Authorised by the screen token in the path, for the competitions of that screen only.
export const GET = route(
  { auth: { screenToken: "token" }, params: z.object({ token: z.string(), id: z.coerce.number().int().positive() }), etag: true },
  ({ db, principal, params }) => handleTvCompetitionRequest(db, principal.screenId, params.id),
);
