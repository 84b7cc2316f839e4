import { getDb } from "@/lib/db/get-db";
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const { prisma } = await getDb();
  return handleIngestRequest(prisma, request);
}
