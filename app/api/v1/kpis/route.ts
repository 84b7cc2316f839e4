import { scopeOf } from "@/lib/auth/scope";
import { route } from "@/lib/http/route";
import { handleKpiRequest } from "@/lib/kpi/api/handle-kpi-request";
import { ZKpiParams } from "@/lib/kpi/api/parse-kpi-params";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "kpis:read", query: ZKpiParams }, ({ db, principal, query }) =>
  handleKpiRequest(db, query, scopeOf(principal)),
);
