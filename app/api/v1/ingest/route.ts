import { withDatabase } from "@/lib/http/with-database";
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return withDatabase((prisma) => handleIngestRequest(prisma, request));
}
