import { getDb } from "@/lib/db/get-db";
import { problem } from "@/lib/http/problem";
import { handleKpiRequest } from "@/lib/kpi/api/handle-kpi-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  let db;
  try {
    db = await getDb();
  } catch {
    return problem(503, "unavailable", "The database is not reachable right now; try again shortly.");
  }
  return handleKpiRequest(db.prisma, request);
}
