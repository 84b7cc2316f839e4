import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { getDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { checkScreenToken } from "@/lib/auth/screen-tokens";

import { getScreenPlaylist, screenDashboardSlugs } from "./screen-playlist";

const disconnected = () => problem(401, "disconnected", "This screen was disconnected: its token is unknown or was revoked.");

/** GET /api/v1/tv/<token>: the screen's playlist, polled now and then to follow changes and deploys. */
export async function handleTvPlaylistRequest(prisma: PrismaClient, token: string): Promise<Response> {
  const playlist = await getScreenPlaylist(prisma, token);
  if (!playlist) return disconnected();
  return Response.json(playlist, { headers: { "Cache-Control": "no-store" } });
}

/** GET /api/v1/tv/<token>/dashboards/<slug>: one dashboard of the screen's playlist, like a viewer's poll. */
export async function handleTvSnapshotRequest(prisma: PrismaClient, request: Request, token: string, slug: string): Promise<Response> {
  // A poll loads only the dashboard it asks for, not the whole playlist.
  const screen = await checkScreenToken(prisma, token);
  if (!screen) return disconnected();
  const dashboard = (await screenDashboardSlugs(prisma, screen.id)).includes(slug) ? await getDashboard(prisma, slug) : null;
  if (!dashboard) return problem(404, "not_found", "This dashboard is not on this screen.");
  const result = await loadDashboardSnapshot(prisma, dashboard, NO_DASHBOARD_FILTERS, { kind: "all" });
  if (!result.ok) return problem(403, "forbidden", result.message);
  const { data, etag } = result.snapshot;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json(data, { headers });
}
