import type { Metadata } from "next";
import { z } from "zod";

import { TvScreen } from "@/components/tv/tv-screen";
import { getDb } from "@/lib/db/get-db";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { getScreenPlaylist } from "@/lib/tv/screen-playlist";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wall screen", robots: { index: false } };

const NO_FILTERS = { preset: null, range: null, team: [], channel: [], queue: [] };
/** `?poll=<ms>` overrides the polling interval, for the memory benchmark; never below 50 ms. */
const ZPoll = z.coerce.number().int().min(50).max(3_600_000).optional().catch(undefined);

/** A wall screen, opened by its secret link: no sign-in, no navigation, one playlist and nothing else. */
export default async function TvPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ poll?: string }> }) {
  const { token } = await params;
  const { prisma } = await getDb();
  const playlist = await getScreenPlaylist(prisma, token);
  if (!playlist) {
    return (
      <div className="tv-screen dark fixed inset-0 grid place-items-center bg-slate-950 text-center text-slate-100" data-testid="tv-disconnected">
        <div>
          <h1 className="text-[2.6rem] font-semibold">This screen was disconnected</h1>
          <p className="mt-4 text-[1.3rem] text-slate-400">Its link was revoked or is not known. Ask an admin for a new screen link.</p>
        </div>
      </div>
    );
  }
  const initial: Record<string, DashboardData> = {};
  for (const dashboard of playlist.dashboards) {
    const result = await loadDashboardSnapshot(prisma, dashboard, NO_FILTERS, { kind: "all" });
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
