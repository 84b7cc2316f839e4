import type { KpiScope } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";

import { parseDashboardFilters } from "./dashboard-filters";
import { getDashboard, loadDashboardSnapshot } from "./load-dashboard";

/** Search params as Next.js gives them to pages: repeated names become arrays. */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    record[name] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

/**
 * GET /api/v1/dashboards/<slug>: everything the dashboard shows, for one poll. Answers 304 when the
 * numbers are those the client already has (If-None-Match), so an idle dashboard costs no body.
 */
export async function handleSnapshotRequest(prisma: PrismaClient, request: Request, slug: string, scope: KpiScope): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseDashboardFilters(searchParamsRecord(url.searchParams));
  if (!parsed.ok) return problem(400, "invalid_parameter", `${parsed.parameter}: ${parsed.message}`, { parameter: parsed.parameter });
  const dashboard = await getDashboard(prisma, slug);
  if (!dashboard) return problem(404, "not_found", `No dashboard ${slug}.`);
  const result = await loadDashboardSnapshot(prisma, dashboard, parsed.filters, scope);
  if (!result.ok) return problem(403, "forbidden", `${result.parameter}: ${result.message}`, { parameter: result.parameter });
  const { data, etag } = result.snapshot;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json(data, { headers });
}
