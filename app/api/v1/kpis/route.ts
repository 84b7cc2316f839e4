import { protectedRoute } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import { handleKpiRequest } from "@/lib/kpi/api/handle-kpi-request";

export const dynamic = "force-dynamic";

export const GET = protectedRoute("kpis:read", ({ prisma, principal }, request) =>
  handleKpiRequest(prisma, request, scopeOf(principal)),
);
