import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { TvPreview } from "@/components/tv/tv-preview";
import { requirePage } from "@/lib/auth/guards";
import { tvPreviewPage } from "@/lib/views/tv-preview-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wall preview", robots: { index: false } };

/** The dashboard editor's wall preview (framed at 1920×1080): who may edit may preview. */
export default async function TvPreviewRoute({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ layout?: string | string[] }> }) {
  const { layout } = await searchParams;
  const view = await tvPreviewPage(await requirePage("dashboards:manage"), (await params).slug, typeof layout === "string" ? layout : undefined);
  if (!view) notFound();
  return <TvPreview dashboard={view.dashboard} initial={view.snapshot} timeZone={view.timeZone} />;
}
