import { withDatabase } from "@/lib/http/with-database";
import { handleTvSnapshotRequest } from "@/lib/tv/handle-tv-requests";

export const dynamic = "force-dynamic";

// Authorised by the screen token in the path, for the dashboards of that screen only.
export function GET(request: Request, { params }: { params: Promise<{ token: string; slug: string }> }) {
  return withDatabase(async (prisma) => {
    const { token, slug } = await params;
    return handleTvSnapshotRequest(prisma, request, token, slug);
  });
}
