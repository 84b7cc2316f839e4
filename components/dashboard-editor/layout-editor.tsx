"use client";

import "react-grid-layout/css/styles.css";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import ReactGridLayout, { useContainerWidth, type Layout } from "react-grid-layout";

import { Widget } from "@/components/dashboard/dashboard-grid";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "@/components/ui/field";
import type { Tagged } from "@/lib/client/fetch-if-changed";
import { queryKeys } from "@/lib/client/query-keys";
import { useDashboardSnapshot } from "@/lib/client/use-dashboard-snapshot";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { GRID_COLUMNS, type DashboardWidget } from "@/lib/dashboards/widget-config";
import type { FormState } from "@/lib/forms/form-state";

import { TvPreviewFrame } from "./tv-preview-frame";
import { WidgetForm } from "./widget-form";
import type { PickableKpi } from "@/lib/views/dashboard-editor-page";

interface LayoutEditorProps {
  slug: string;
  pollSeconds: number;
  /** The widgets' live numbers, server-rendered; the editor polls like the dashboard does. */
  initial: Tagged<DashboardData>;
  widgets: DashboardWidget[];
  saveLayout: (layout: unknown) => Promise<FormState>;
  saveWidget: (widgetId: number | null, state: FormState, form: FormData) => Promise<FormState>;
  deleteWidget: (widgetId: number) => Promise<void>;
  /** What a competition widget can show. */
  competitions: { id: number; name: string }[];
  kpis: PickableKpi[];
}

// The dashboard page's grid (globals.css: 5.25rem rows, 1rem gaps), so what is arranged here is
// what viewers get, widget for widget.
const ROW_HEIGHT = 84;
const GAP = 16;

const NUDGES = [
  ["←", "Move", "left", { x: -1 }],
  ["→", "Move", "right", { x: 1 }],
  ["↑", "Move", "up", { y: -1 }],
  ["↓", "Move", "down", { y: 1 }],
  ["⇠", "Make", "narrower", { w: -1 }],
  ["⇢", "Make", "wider", { w: 1 }],
  ["⇡", "Make", "shorter", { h: -1 }],
  ["⇣", "Make", "taller", { h: 1 }],
] as const;

const TOOL = "grid h-7 min-w-7 place-items-center rounded-md border border-slate-300 bg-white px-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800";

const placement = (w: DashboardWidget) => ({ i: String(w.id), x: w.x, y: w.y, w: w.w, h: w.h, minW: 2, minH: 2 });

/**
 * The dashboard's real widgets with their live numbers, dragged anywhere on their surface and
 * resized from their edges; the same moves one step at a time from each widget's buttons for the
 * keyboard. Nothing is stored until "Save layout"; the TV tab shows the arrangement on a 1080p wall.
 */
export function LayoutEditor({ slug, pollSeconds, initial, widgets, saveLayout, saveWidget, deleteWidget, competitions, kpis }: LayoutEditorProps) {
  const { width, containerRef, mounted } = useContainerWidth();
  const queryClient = useQueryClient();
  const snapshot = useDashboardSnapshot({ slug, search: "", intervalMs: pollSeconds * 1000, initial });
  const [layout, setLayout] = useState<Layout>(widgets.map(placement));
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [view, setView] = useState<"desktop" | "tv">("desktop");
  const [pending, startTransition] = useTransition();
  const byId = new Map(widgets.map((w) => [String(w.id), w]));

  // Widgets added or removed on the server since the last render join or leave the layout.
  const current = layout.filter((item) => byId.has(item.i));
  for (const w of widgets) if (!current.some((item) => item.i === String(w.id))) current.push(placement(w));

  // A changed widget has new numbers to show: fetch them now rather than at the next poll.
  const refreshNumbers = () => void queryClient.invalidateQueries({ queryKey: queryKeys.dashboardSnapshot(slug, "") });
  const saveAndRefresh = (widgetId: number | null) => async (state: FormState, form: FormData) => {
    const result = await saveWidget(widgetId, state, form);
    if (!result.errors) refreshNumbers();
    return result;
  };

  const nudge = (id: string, change: { x?: number; y?: number; w?: number; h?: number }) => {
    setMessage(null);
    setLayout(
      current.map((item) => {
        if (item.i !== id) return item;
        const w = Math.min(GRID_COLUMNS, Math.max(2, item.w + (change.w ?? 0)));
        const h = Math.min(12, Math.max(2, item.h + (change.h ?? 0)));
        const x = Math.min(GRID_COLUMNS - w, Math.max(0, item.x + (change.x ?? 0)));
        return { ...item, w, h, x, y: Math.max(0, item.y + (change.y ?? 0)) };
      }),
    );
    setDirty(true);
  };

  const save = () =>
    startTransition(async () => {
      const result = await saveLayout(current.map((item) => ({ id: Number(item.i), x: item.x, y: item.y, w: item.w, h: item.h })));
      setMessage(result.errors?.form ?? result.notice ?? null);
      if (!result.errors) setDirty(false);
    });

  const arranged = widgets.map((w) => {
    const item = current.find((c) => c.i === String(w.id));
    return item ? { ...w, x: item.x, y: item.y, w: item.w, h: item.h } : w;
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON_PRIMARY} onClick={() => setEditing("new")}>
          + Add widget
        </button>
        <button type="button" className={BUTTON_SECONDARY} disabled={!dirty || pending} onClick={save}>
          {pending ? "Saving…" : "Save layout"}
        </button>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {message}
          {message && dirty ? " " : ""}
          {dirty ? "Unsaved changes to the layout." : ""}
        </p>
        <div role="tablist" aria-label="Preview" className="ml-auto flex rounded-lg border border-slate-300 p-0.5 text-sm dark:border-slate-600">
          {(
            [
              ["desktop", "Desktop"],
              ["tv", "TV 1920×1080"],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={view === value}
              onClick={() => setView(value)}
              className={`rounded-md px-3 py-1 font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                view === value ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {editing !== null && (
        <section className="rounded-2xl border border-indigo-200 bg-indigo-50/40 p-5 dark:border-indigo-900 dark:bg-indigo-950/30">
          <div className="mb-4 flex items-center justify-between">
            <h2 className="text-lg font-semibold">{editing === "new" ? "Add a widget" : `Edit “${byId.get(String(editing))?.title}”`}</h2>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => setEditing(null)}>
              Close
            </button>
          </div>
          <WidgetForm
            key={String(editing)}
            action={saveAndRefresh(editing === "new" ? null : editing)}
            initial={editing === "new" ? undefined : byId.get(String(editing))}
            submitLabel={editing === "new" ? "Add widget" : "Save widget"}
            competitions={competitions}
            kpis={kpis}
          />
        </section>
      )}
      {view === "tv" ? (
        <TvPreviewFrame slug={slug} widgets={arranged} dirty={dirty} />
      ) : (
        <div ref={containerRef} className="rounded-2xl border border-dashed border-slate-300 bg-slate-100/60 p-2 dark:border-slate-700 dark:bg-slate-900/40" data-testid="layout-editor">
          {mounted && (
            <ReactGridLayout
              layout={current}
              width={width}
              gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [GAP, GAP] }}
              dragConfig={{ enabled: true, cancel: ".editor-tools", threshold: 4 }}
              resizeConfig={{ enabled: true, handles: ["se", "e", "s"] }}
              onLayoutChange={(next) => {
                const changed = next.some((item) => {
                  const before = current.find((c) => c.i === item.i);
                  return !before || before.x !== item.x || before.y !== item.y || before.w !== item.w || before.h !== item.h;
                });
                setLayout([...next]);
                if (changed) setDirty(true);
              }}
            >
              {current.map((item) => {
                const widget = byId.get(item.i)!;
                return (
                  <div key={item.i} className="group relative cursor-grab select-none active:cursor-grabbing" data-testid="editor-widget" data-widget-id={item.i} data-place={`${item.x},${item.y},${item.w},${item.h}`}>
                    {/* The widget as viewers see it, but inert: its links and focus stops would fight the drag. */}
                    <div className="pointer-events-none h-full" inert>
                      <Widget widget={widget} data={snapshot.data} stale={false} search="" kiosk={false} />
                    </div>
                    <div
                      className="editor-tools absolute right-2 top-2 z-10 flex max-w-[calc(100%-1rem)] cursor-default flex-col items-end gap-1 rounded-lg bg-white/95 p-1 opacity-0 shadow-md ring-1 ring-slate-200 transition-opacity group-hover:opacity-100 focus-within:opacity-100 [@media(hover:none)]:opacity-100 dark:bg-slate-900/95 dark:ring-slate-700"
                      data-testid="editor-tools"
                    >
                      <span className="flex gap-1">
                        <button type="button" className={TOOL} onClick={() => setEditing(widget.id)} aria-label={`Edit ${widget.title}`}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className={`${TOOL} text-red-700 dark:text-red-300`}
                          aria-label={`Remove ${widget.title}`}
                          onClick={() => {
                            if (window.confirm(`Remove “${widget.title}”?`)) startTransition(() => deleteWidget(widget.id));
                          }}
                        >
                          Remove
                        </button>
                      </span>
                      <span className="flex flex-wrap justify-end gap-1" role="group" aria-label={`Arrange ${widget.title}`}>
                        {NUDGES.map(([symbol, verb, word, change]) => (
                          <button key={word} type="button" className={TOOL} aria-label={`${verb} ${widget.title} ${word}`} title={`${verb} ${word}`} onClick={() => nudge(item.i, change)}>
                            {symbol}
                          </button>
                        ))}
                      </span>
                    </div>
                  </div>
                );
              })}
            </ReactGridLayout>
          )}
          {widgets.length === 0 && <p className="p-8 text-center text-sm text-slate-500 dark:text-slate-400">No widgets yet: add one to start.</p>}
        </div>
      )}
    </div>
  );
}
