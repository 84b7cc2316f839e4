import { route } from "@/lib/http/route";
import { handleTvPlaylistRequest } from "@/lib/tv/handle-tv-requests";

export const dynamic = "force-dynamic";

// Authorised by the screen token in the path (a TV opens a link; it has no session or header).
export const GET = route({ auth: { screenToken: "token" } }, ({ db, principal }) => handleTvPlaylistRequest(db, principal.screenId));
