import { protectedRoute } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import { handleSnapshotRequest } from "@/lib/dashboards/handle-snapshot-request";

export const dynamic = "force-dynamic";

export const GET = protectedRoute("kpis:read", async ({ prisma, principal }, request, { params }: { params: Promise<{ slug: string }> }) =>
  handleSnapshotRequest(prisma, request, (await params).slug, scopeOf(principal)),
);
