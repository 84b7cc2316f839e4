import { withDatabase } from "@/lib/http/with-database";
import { handleTvPlaylistRequest } from "@/lib/tv/handle-tv-requests";

export const dynamic = "force-dynamic";

// Authorised by the screen token in the path (a TV opens a link; it has no session or header).
export function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return withDatabase(async (prisma) => handleTvPlaylistRequest(prisma, (await params).token));
}
