import { z } from "zod";

import { scopeOf } from "@/lib/auth/scope";
import { ZDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { handleWidgetExport } from "@/lib/dashboards/widget-export";
import { ZExportFormat } from "@/lib/exports/export-table";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const ZWidgetExportQuery = z.intersection(ZDashboardFilters, z.object({ format: ZExportFormat }));

export const GET = route(
  { auth: "kpis:read", params: z.object({ slug: z.string(), id: z.coerce.number().int().positive() }), query: ZWidgetExportQuery },
  ({ db, principal, params, query: { format, ...filters } }) => handleWidgetExport(db, params.slug, params.id, filters, scopeOf(principal), format),
);
