import { withDatabase } from "@/lib/http/with-database";
import { handleKpiRequest } from "@/lib/kpi/api/handle-kpi-request";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return withDatabase((prisma) => handleKpiRequest(prisma, request));
}
