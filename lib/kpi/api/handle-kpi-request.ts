import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";

import { narrowFilters, type KpiScope } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { getKpiSnapshot, type KpiSnapshotEntry } from "../get-kpi-snapshot";
import { isCustomKpiKey, loadKpiDirectory } from "../kpi-directory";
import { NO_GROUPING } from "../kpi-query";
import { comparisonWindow } from "../time-windows";

import { kpiRequestOf, type KpiParams, type ParamError } from "./parse-kpi-params";

/** GET /api/v1/kpis (SPEC section 2): KPI values for a window, with breakdowns and comparison, within the caller's scope. */
export async function handleKpiRequest(prisma: PrismaClient, params: KpiParams, scope: KpiScope, now = new Date()): Promise<Response> {
  const org = await getOrgSettings(prisma);
  const parsed = kpiRequestOf(params, { timeZone: org.timeZone, now });
  if (!parsed.ok) return refused(400, "invalid_parameter", parsed.error);
  const { keys, window, timeZone, grouping, compare, hours } = parsed.request;
  // Built-in keys were checked with the parameters; a custom one needs the directory.
  const directory = keys.some(isCustomKpiKey) ? await loadKpiDirectory(prisma) : undefined;
  const unknown = directory ? keys.filter((key) => !directory.has(key)) : [];
  if (unknown.length) return refused(400, "invalid_parameter", { parameter: "keys", message: `unknown KPI key: ${unknown.join(", ")}` });
  const scoped = await narrowFilters(prisma, scope, parsed.request.filters);
  if (!scoped.ok) return refused(403, "forbidden", scoped);
  const { filters } = scoped;
  const base = { timeZone, filters, now, serviceLevelSeconds: org.serviceLevelSeconds, hours };
  const [current, previous] = await Promise.all([
    getKpiSnapshot(prisma, keys, { ...base, ...window, grouping }, { directory }),
    compare ? getKpiSnapshot(prisma, keys, { ...base, ...comparisonWindow(window, now, timeZone), grouping: NO_GROUPING }, { directory }) : null,
  ]);

  const iso = (d: Date) => formatISO(new TZDate(d.getTime(), timeZone));
  const kpis = Object.fromEntries(
    keys.map((k) => {
      const entry = toJson(current.get(k)!);
      const before = previous?.get(k);
      return [k, before ? { ...entry, previous: toJson(before) } : entry];
    }),
  );
  return Response.json(
    { window: { from: iso(window.from), to: iso(window.to), tz: timeZone }, hours, computedAt: new Date().toISOString(), kpis },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** The KPI's fields without its key (the key names the property) or absent optional fields. */
function toJson(entry: KpiSnapshotEntry) {
  return Object.fromEntries(Object.entries(entry).filter(([name, value]) => name !== "key" && value !== undefined));
}

function refused(status: number, code: string, { parameter, message }: ParamError): Response {
  return problem(status, code, `${parameter}: ${message}`, { invalidParams: [{ name: parameter, reason: message }] });
}
