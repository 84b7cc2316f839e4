import type { Metadata } from "next";
import { z } from "zod";

import { DisconnectedScreen } from "@/components/tv/disconnected-screen";
import { TvScreen } from "@/components/tv/tv-screen";
import { getDb } from "@/lib/db/get-db";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { NO_DASHBOARD_FILTERS } from "@/lib/dashboards/dashboard-filters";
import { loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { getScreenPlaylist } from "@/lib/tv/screen-playlist";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wall screen", robots: { index: false } };

/** `?poll=<ms>` overrides the polling interval, for the memory benchmark; never below 50 ms. */
const ZPoll = z.coerce.number().int().min(50).max(3_600_000).optional().catch(undefined);

/** A wall screen, opened by its secret link: no sign-in, no navigation, one playlist and nothing else. */
export default async function TvPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ poll?: string }> }) {
  const { token } = await params;
  const { prisma } = await getDb();
  const playlist = await getScreenPlaylist(prisma, token);
  if (!playlist) return <DisconnectedScreen />;
  const initial: Record<string, DashboardData> = {};
  for (const dashboard of playlist.dashboards) {
    const result = await loadDashboardSnapshot(prisma, dashboard, NO_DASHBOARD_FILTERS, { kind: "all" });
    if (result.ok) initial[dashboard.slug] = result.snapshot.data;
  }
  return (
    <TvScreen
      token={token}
      playlist={{ ...playlist, dashboards: playlist.dashboards.map((d) => ({ slug: d.slug, name: d.name, pollSeconds: d.pollSeconds, widgets: d.widgets })) }}
      initial={initial}
      pollOverrideMs={ZPoll.parse((await searchParams).poll) ?? null}
    />
  );
}
