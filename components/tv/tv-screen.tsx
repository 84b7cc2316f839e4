"use client";

import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { Celebration } from "@/components/celebrations/celebration";
import { useCelebrations } from "@/components/celebrations/use-celebrations";
import { DashboardGrid } from "@/components/dashboard/dashboard-grid";
import { PollError, pollSnapshot } from "@/components/dashboard/poll-snapshot";
import { useNow } from "@/components/dashboard/use-now";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import type { DashboardWidget } from "@/lib/dashboards/widget-config";

import { DisconnectedScreen } from "./disconnected-screen";
import { LastGoodFrame } from "./last-good-frame";
import { useDailyReload, useIdle, useWakeLock } from "./kiosk-effects";

interface PlaylistDashboard {
  slug: string;
  name: string;
  pollSeconds: number;
  widgets: DashboardWidget[];
}

export interface TvPlaylist {
  name: string;
  rotateSeconds: number;
  timeZone: string;
  buildId: string;
  dashboards: PlaylistDashboard[];
}

interface TvScreenProps {
  token: string;
  playlist: TvPlaylist;
  initial: Record<string, DashboardData>;
  /** A diagnostic override of the polling interval (ms), for the memory benchmark. */
  pollOverrideMs: number | null;
}

class Disconnected extends Error {}

const PLAYLIST_POLL_MS = 60_000;

export function TvScreen(props: TvScreenProps) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, gcTime: 10 * 60_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <Screen {...props} />
    </QueryClientProvider>
  );
}

function Screen({ token, playlist: initialPlaylist, initial, pollOverrideMs }: TvScreenProps) {
  const client = useQueryClient();
  useWakeLock();
  useDailyReload();
  const idle = useIdle();
  const now = useNow();
  const base = `/api/v1/tv/${encodeURIComponent(token)}`;

  // The playlist is polled slowly: new dashboards or rotation join; a new deploy reloads the page.
  const playlistQuery = useQuery({
    queryKey: ["tv-playlist", token],
    queryFn: async () => {
      const response = await fetch(base, { cache: "no-store" });
      if (response.status === 401) throw new Disconnected();
      if (!response.ok) throw new Error(`playlist ${response.status}`);
      return (await response.json()) as TvPlaylist;
    },
    initialData: initialPlaylist,
    refetchInterval: PLAYLIST_POLL_MS,
    retry: (count, error) => !(error instanceof Disconnected) && count < 2,
  });
  const playlist = playlistQuery.data;
  useEffect(() => {
    if (playlist.buildId !== initialPlaylist.buildId) window.location.reload();
  }, [playlist.buildId, initialPlaylist.buildId]);

  const [index, setIndex] = useState(0);
  const count = playlist.dashboards.length;
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), playlist.rotateSeconds * 1000);
    return () => clearInterval(timer);
  }, [count, playlist.rotateSeconds]);
  const current = playlist.dashboards[index % count]!;

  const etags = useRef(new Map<string, string>());
  const intervalMs = pollOverrideMs ?? current.pollSeconds * 1000;
  const snapshot = useQuery({
    queryKey: ["tv-dashboard", token, current.slug],
    queryFn: async ({ signal }) => {
      const fresh = await pollSnapshot(`${base}/dashboards/${encodeURIComponent(current.slug)}`, etags.current.get(current.slug) ?? "", signal).catch((error: unknown) => {
        throw error instanceof PollError && error.status === 401 ? new Disconnected() : error;
      });
      if (!fresh) return client.getQueryData<DashboardData>(["tv-dashboard", token, current.slug])!;
      etags.current.set(current.slug, fresh.etag);
      return fresh.data;
    },
    initialData: initial[current.slug],
    initialDataUpdatedAt: initial[current.slug] ? Date.parse(initial[current.slug]!.computedAt) : undefined,
    refetchInterval: intervalMs,
    refetchIntervalInBackground: true,
    // Back off: quickly at first, then no faster than every 30 s, for as long as it takes.
    retry: (count, error) => !(error instanceof Disconnected) && count < 3,
    retryDelay: (attempt) => Math.min(30_000, 1000 * 2 ** attempt),
  });


  const celebration = useCelebrations(current.widgets, snapshot.data, current.slug);

  if (playlistQuery.error instanceof Disconnected || snapshot.error instanceof Disconnected) return <DisconnectedScreen />;

  const clock = new Intl.DateTimeFormat("en-GB", { timeZone: playlist.timeZone, hour: "2-digit", minute: "2-digit" });
  const age = now - snapshot.dataUpdatedAt;
  const stale = snapshot.data !== undefined && age > 2 * intervalMs;
  const failing = snapshot.isError || snapshot.failureCount > 0;
  const staleSince = snapshot.dataUpdatedAt ? clock.format(snapshot.dataUpdatedAt) : null;

  return (
    <div className={`tv-screen dark fixed inset-0 flex flex-col bg-slate-950 px-[1.2rem] pb-[1rem] text-slate-50 ${idle ? "idle" : ""}`} data-testid="tv-screen" data-dashboard={current.slug}>
      <header className="flex items-center justify-between gap-4 py-[0.6rem]">
        <div className="flex items-baseline gap-4">
          <h1 className="text-[1.6rem] font-semibold tracking-tight" data-testid="tv-dashboard-name">
            {current.name}
          </h1>
          <span className="text-[1rem] text-slate-400">{playlist.name}</span>
        </div>
        <div className="flex items-center gap-4">
          {(failing || stale) && staleSince && (
            <span className="rounded-full bg-amber-400 px-3 py-1 text-[0.9rem] font-semibold text-slate-950" data-testid="tv-stale" role="status">
              ! Stale since {staleSince}
            </span>
          )}
          <time className="text-[1.6rem] font-semibold tabular-nums" data-testid="tv-clock">
            {clock.format(now)}
          </time>
        </div>
      </header>
      {count > 1 && (
        <div className="mb-[0.6rem] h-[0.25rem] overflow-hidden rounded-full bg-slate-800" aria-hidden>
          <div
            key={`${index}-${current.slug}`}
            className="h-full origin-left bg-sky-500"
            style={{ animation: `tv-progress ${playlist.rotateSeconds}s linear forwards` }}
            data-testid="tv-progress"
          />
        </div>
      )}
      <main className="min-h-0 flex-1 motion-safe:animate-[fadein_500ms_ease-out]" key={current.slug}>
        {snapshot.data ? (
          <LastGoodFrame
            data={snapshot.data}
            notice={<Reconnecting />}
            render={(data, fallback) => <DashboardGrid widgets={current.widgets} data={data} stale={stale || fallback} search="" kiosk />}
          />
        ) : (
          <div className="grid h-full place-items-center text-[1.4rem] text-slate-400">Connecting…</div>
        )}
      </main>
      {celebration.message && <Celebration message={celebration.message} onDone={celebration.dismiss} />}
    </div>
  );
}

function Reconnecting() {
  return (
    <p className="fixed bottom-[1rem] right-[1rem] z-40 rounded-full bg-slate-800 px-3 py-1 text-[0.9rem] text-slate-200" role="status">
      Reconnecting…
    </p>
  );
}
