"use client";

import { useContainerWidth } from "react-grid-layout";

import type { DashboardWidget } from "@/lib/dashboards/widget-config";

const TV = { width: 1920, height: 1080 };

/**
 * The dashboard on a 1080p wall: the real wall page (its type scales with the screen's width, so
 * only a frame of that width shows it truly), drawn at 1920×1080 and scaled down to fit the editor.
 * It shows the arrangement on screen now, saved or not.
 */
export function TvPreviewFrame({ slug, widgets, dirty }: { slug: string; widgets: DashboardWidget[]; dirty: boolean }) {
  const { width, containerRef, mounted } = useContainerWidth();
  const scale = width / TV.width;
  const layout = JSON.stringify(widgets.map((w) => ({ id: w.id, x: w.x, y: w.y, w: w.w, h: w.h })));
  const src = `/tv-preview/${encodeURIComponent(slug)}${dirty ? `?layout=${encodeURIComponent(layout)}` : ""}`;
  return (
    <figure className="space-y-2">
      <div ref={containerRef} className="overflow-hidden rounded-2xl bg-slate-950 ring-1 ring-slate-300 dark:ring-slate-700" style={{ height: mounted ? TV.height * scale : undefined, aspectRatio: mounted ? undefined : "16 / 9" }}>
        {mounted && (
          <iframe
            key={src}
            src={src}
            title="The dashboard on a 1920×1080 wall screen"
            width={TV.width}
            height={TV.height}
            className="origin-top-left border-0"
            style={{ transform: `scale(${scale})` }}
            data-testid="tv-preview-frame"
          />
        )}
      </div>
      <figcaption className="text-sm text-slate-600 dark:text-slate-300">
        As a 1920×1080 wall screen shows it{dirty ? ", with your unsaved arrangement" : ""}. Numbers are live.
      </figcaption>
    </figure>
  );
}
