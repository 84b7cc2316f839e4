import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { busyAsProblem } from "@/lib/dashboards/handle-snapshot-request";
import { getDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";
import type { Tagged } from "@/lib/http/route";

import { loadCompetitionSlide, type CompetitionSlideData } from "./load-competition-slide";
import { loadScreenPlaylist, screenDashboardSlugs } from "./screen-playlist";

// The handlers run for a screen whose path token the route wrapper has checked already.

/** GET /api/v1/tv/<token>: the screen's playlist, polled now and then to follow changes and deploys. */
export async function handleTvPlaylistRequest(prisma: PrismaClient, screenId: number): Promise<Response> {
  return Response.json(await loadScreenPlaylist(prisma, screenId), { headers: { "Cache-Control": "no-store" } });
}

/** GET /api/v1/tv/<token>/dashboards/<slug>: one dashboard of the screen's playlist, like a viewer's poll. */
export async function handleTvSnapshotRequest(prisma: PrismaClient, screenId: number, slug: string): Promise<Response | Tagged<DashboardData>> {
  // A poll loads only the dashboard it asks for, not the whole playlist.
  const dashboard = (await screenDashboardSlugs(prisma, screenId)).includes(slug) ? await getDashboard(prisma, slug) : null;
  if (!dashboard) return problem(404, "not_found", "This dashboard is not on this screen.");
  const result = await busyAsProblem(loadDashboardSnapshot(prisma, dashboard, NO_DASHBOARD_FILTERS, { kind: "all" }));
  if (result instanceof Response) return result;
  if (!result.ok) return problem(403, "forbidden", result.message);
  return result.snapshot;
}

/** GET /api/v1/tv/<token>/competitions/<id>: one competition slide of the screen's playlist. */
export async function handleTvCompetitionRequest(prisma: PrismaClient, screenId: number, competitionId: number): Promise<Response | Tagged<CompetitionSlideData>> {
  return (await loadCompetitionSlide(prisma, screenId, competitionId)) ?? problem(404, "not_found", "This competition is not on this screen.");
}
