import { protectedRoute } from "@/lib/auth/guards";
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export const dynamic = "force-dynamic";

export const POST = protectedRoute("data:ingest", ({ prisma }, request) => handleIngestRequest(prisma, request));
