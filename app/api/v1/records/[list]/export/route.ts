import { z } from "zod";

import { ZExportQuery } from "@/lib/exports/export-table";
import { route } from "@/lib/http/route";
import { handleRecordsExport } from "@/lib/views/records-export";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "kpis:read", params: z.object({ list: z.enum(["tickets", "calls"]) }), query: ZExportQuery }, ({ db, principal, params, query }) =>
  handleRecordsExport({ prisma: db, principal }, params.list, query),
);
