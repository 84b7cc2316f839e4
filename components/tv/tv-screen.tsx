"use client";

import { useEffect, useState } from "react";

import { Celebration } from "@/components/celebrations/celebration";
import { useCelebrations } from "@/components/celebrations/use-celebrations";
import { DashboardGrid } from "@/components/dashboard/dashboard-grid";
import { useNow } from "@/components/dashboard/use-now";
import { CompetitionWidget } from "@/components/dashboard/widgets/competition-widget";
import { ApiError } from "@/lib/client/api-error";
import { QueryProvider } from "@/lib/client/query-provider";
import { useTvCompetition } from "@/lib/client/use-tv-competition";
import { useTvPlaylist } from "@/lib/client/use-tv-playlist";
import { useTvSnapshot } from "@/lib/client/use-tv-snapshot";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import type { CompetitionSlideData } from "@/lib/tv/load-competition-slide";
import type { TvPlaylist } from "@/lib/tv/screen-playlist";

import { DisconnectedScreen } from "./disconnected-screen";
import { LastGoodFrame } from "./last-good-frame";
import { useDailyReload, useIdle, useWakeLock } from "./kiosk-effects";
import { WallContext } from "./wall-text";

const NO_WIDGETS: TvPlaylist["dashboards"][number]["widgets"] = [];

interface TvScreenProps {
  token: string;
  playlist: TvPlaylist;
  initial: Record<string, DashboardData>;
  initialCompetitions: Record<number, CompetitionSlideData>;
  /** A diagnostic override of the polling interval (ms), for the memory benchmark. */
  pollOverrideMs: number | null;
}

export function TvScreen(props: TvScreenProps) {
  return (
    <QueryProvider kiosk>
      <Screen {...props} />
    </QueryProvider>
  );
}

function Screen({ token, playlist: initialPlaylist, initial, initialCompetitions, pollOverrideMs }: TvScreenProps) {
  useWakeLock();
  useDailyReload();
  const idle = useIdle();
  const now = useNow(Math.max(0, ...[...Object.values(initial), ...Object.values(initialCompetitions)].map((d) => Date.parse(d.computedAt))));

  // New dashboards or rotation join at the playlist's next poll; a new deploy reloads the page.
  const playlistQuery = useTvPlaylist(token, initialPlaylist);
  const playlist = playlistQuery.data;
  useEffect(() => {
    if (playlist.buildId !== initialPlaylist.buildId) window.location.reload();
  }, [playlist.buildId, initialPlaylist.buildId]);

  const [index, setIndex] = useState(0);
  const count = playlist.slides.length;
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), playlist.rotateSeconds * 1000);
    return () => clearInterval(timer);
  }, [count, playlist.rotateSeconds]);
  const slide = playlist.slides[index % count]!;
  // A dashboard slide's widgets come with the playlist's dashboards; a competition slide carries its own name.
  const current =
    slide.kind === "dashboard"
      ? playlist.dashboards.find((d) => d.slug === slide.slug)!
      : { slug: `competition-${slide.id}`, name: slide.name, pollSeconds: slide.pollSeconds, widgets: NO_WIDGETS };
  const dashboard = slide.kind === "dashboard" ? current : undefined;
  const competitionId = slide.kind === "competition" ? slide.id : null;

  const intervalMs = pollOverrideMs ?? current.pollSeconds * 1000;
  const snapshot = useTvSnapshot({ token, slug: dashboard?.slug ?? null, intervalMs, initial: dashboard && initial[dashboard.slug] });
  const competition = useTvCompetition({ token, id: competitionId, intervalMs, initial: competitionId === null ? undefined : initialCompetitions[competitionId] });
  const shown = competitionId === null ? snapshot : competition;

  const celebration = useCelebrations(current.widgets, snapshot.data, current.slug);

  if (ApiError.isStatus(playlistQuery.error, 401) || ApiError.isStatus(shown.error, 401)) return <DisconnectedScreen />;

  const clock = new Intl.DateTimeFormat("en-GB", { timeZone: playlist.timeZone, hour: "2-digit", minute: "2-digit" });
  const age = now - shown.dataUpdatedAt;
  const stale = shown.data !== undefined && age > 2 * intervalMs;
  const failing = shown.isError || shown.failureCount > 0;
  const staleSince = shown.dataUpdatedAt ? clock.format(shown.dataUpdatedAt) : null;

  return (
    <div
      className={`tv-screen dark fixed inset-0 flex flex-col bg-slate-950 px-[1.2rem] pb-[1rem] text-slate-50 ${idle ? "idle" : ""}`}
      data-testid="tv-screen"
      data-dashboard={dashboard?.slug}
      data-competition={competitionId ?? undefined}
    >
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
          {snapshot.data?.stale && competitionId === null && !(failing || stale) && (
            <span className="text-[0.9rem] text-slate-400" data-testid="tv-updating" role="status">
              Updating…
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
        {competitionId !== null && competition.data ? (
          <LastGoodFrame
            data={competition.data}
            notice={<Reconnecting />}
            render={(data, fallback) => (
              <WallContext value={true}>
                <div className="grid h-full min-h-0 grid-rows-1" data-testid="tv-competition">
                  <CompetitionWidget title={data.standing.name} data={{ kind: "competition", standing: data.standing }} stale={stale || fallback} now={now} />
                </div>
              </WallContext>
            )}
          />
        ) : competitionId === null && snapshot.data ? (
          <LastGoodFrame
            data={snapshot.data}
            notice={<Reconnecting />}
            render={(data, fallback) => (
              <WallContext value={true}>
                <DashboardGrid widgets={current.widgets} data={data} stale={stale || fallback} search={null} kiosk />
              </WallContext>
            )}
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
