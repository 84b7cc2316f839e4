import type { Metadata } from "next";

import { InvalidFilters } from "@/components/dashboard/invalid-filters";
import { LinkEnded } from "@/components/share/link-ended";
import { SharedDashboardPage } from "@/components/share/shared-dashboard-page";
import { getDb } from "@/lib/db/get-db";
import type { SearchParams } from "@/lib/views/drill-context";
import { sharePageView } from "@/lib/views/share-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared dashboard", robots: { index: false } };

/** A dashboard opened by its view-only link: no sign-in, no navigation, that one dashboard and nothing else. */
export default async function SharePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const { token } = await params;
  // The token is the link's credential; the view checks it.
  const view = await sharePageView(await getDb(), token, await searchParams);
  if (view.kind === "ended") return <LinkEnded />;
  if (view.kind === "invalid-filters") return <InvalidFilters parameter={view.parameter} message={view.message} />;
  return <SharedDashboardPage token={token} view={view} />;
}
