import "server-only";

import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import type { Database } from "@/lib/db/open-database";
import { loadCompetitionSlide, type CompetitionSlideData } from "@/lib/tv/load-competition-slide";
import { getScreenPlaylist, type ScreenPlaylist } from "@/lib/tv/screen-playlist";

export interface TvPageView {
  playlist: Omit<ScreenPlaylist, "dashboards"> & { dashboards: Pick<ScreenPlaylist["dashboards"][number], "slug" | "name" | "pollSeconds" | "widgets">[] };
  /** Each dashboard's first numbers by slug, so the screen shows numbers before its first poll. */
  initial: Record<string, DashboardData>;
  /** Each competition slide's first standing by competition id. */
  initialCompetitions: Record<number, CompetitionSlideData>;
}

/**
 * A wall screen by its secret token: its playlist and everyone's numbers (a screen shows the
 * whole organisation). Null when the token names no screen, or one that was revoked.
 */
export async function tvPageView(db: Pick<Database, "prisma">, token: string): Promise<TvPageView | null> {
  const playlist = await getScreenPlaylist(db.prisma, token);
  if (!playlist) return null;
  const initial: Record<string, DashboardData> = {};
  for (const dashboard of playlist.dashboards) {
    const result = await loadDashboardSnapshot(db.prisma, dashboard, NO_DASHBOARD_FILTERS, { kind: "all" });
    if (result.ok) initial[dashboard.slug] = result.snapshot.data;
  }
  const initialCompetitions: Record<number, CompetitionSlideData> = {};
  for (const slide of playlist.slides) {
    if (slide.kind !== "competition") continue;
    const loaded = await loadCompetitionSlide(db.prisma, playlist.id, slide.id);
    if (loaded) initialCompetitions[slide.id] = loaded.data;
  }
  return {
    playlist: { ...playlist, dashboards: playlist.dashboards.map((d) => ({ slug: d.slug, name: d.name, pollSeconds: d.pollSeconds, widgets: d.widgets })) },
    initial,
    initialCompetitions,
  };
}
