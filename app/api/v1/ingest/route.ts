import { getDb } from "@/lib/db/get-db";
import { problem } from "@/lib/http/problem";
import { handleIngestRequest } from "@/lib/ingest/handle-ingest-request";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  let db;
  try {
    db = await getDb();
  } catch {
    // The sender should retry later; nothing was read or stored.
    return problem(503, "unavailable", "The database is not reachable right now; retry the same batch later.");
  }
  return handleIngestRequest(db.prisma, request);
}
