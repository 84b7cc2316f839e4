import { z } from "zod";

import { route } from "@/lib/http/route";
import { handleKpiPageExport, ZKpiExportQuery } from "@/lib/views/kpi-page-export";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "kpis:read", params: z.object({ key: z.string() }), query: ZKpiExportQuery }, ({ db, principal, params, query }) =>
  handleKpiPageExport({ prisma: db, principal }, params.key, query),
);
