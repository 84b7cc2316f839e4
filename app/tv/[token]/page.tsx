import type { Metadata } from "next";
import { z } from "zod";

import { DisconnectedScreen } from "@/components/tv/disconnected-screen";
import { TvScreen } from "@/components/tv/tv-screen";
import { getDb } from "@/lib/db/get-db";
import { tvPageView } from "@/lib/views/tv-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wall screen", robots: { index: false } };

/** `?poll=<ms>` overrides the polling interval, for the memory benchmark; never below 50 ms. */
const ZPoll = z.coerce.number().int().min(50).max(3_600_000).optional().catch(undefined);

/** A wall screen, opened by its secret link: no sign-in, no navigation, one playlist and nothing else. */
export default async function TvPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ poll?: string }> }) {
  const { token } = await params;
  // The token is the screen's credential; the view checks it.
  const view = await tvPageView(await getDb(), token);
  if (!view) return <DisconnectedScreen />;
  return <TvScreen token={token} playlist={view.playlist} initial={view.initial} initialCompetitions={view.initialCompetitions} pollOverrideMs={ZPoll.parse((await searchParams).poll) ?? null} />;
}
