"use client";

import "react-grid-layout/css/styles.css";

import { useState, useTransition } from "react";
import ReactGridLayout, { useContainerWidth, type Layout } from "react-grid-layout";

import { BUTTON_DANGER, BUTTON_PRIMARY, BUTTON_SECONDARY } from "@/components/ui/field";
import { GRID_COLUMNS, WIDGET_KIND_LABELS, type DashboardWidget } from "@/lib/dashboards/widget-config";
import type { FormState } from "@/lib/forms/form-state";

import { WidgetForm } from "./widget-form";

interface LayoutEditorProps {
  widgets: DashboardWidget[];
  saveLayout: (layout: unknown) => Promise<FormState>;
  saveWidget: (widgetId: number | null, state: FormState, form: FormData) => Promise<FormState>;
  deleteWidget: (widgetId: number) => Promise<void>;
  /** What a competition widget can show. */
  competitions: { id: number; name: string }[];
}

/** Drag widgets by their title bar and resize them from the corner; nothing is stored until "Save layout". */
export function LayoutEditor({ widgets, saveLayout, saveWidget, deleteWidget, competitions }: LayoutEditorProps) {
  const { width, containerRef, mounted } = useContainerWidth();
  const [layout, setLayout] = useState<Layout>(widgets.map((w) => ({ i: String(w.id), x: w.x, y: w.y, w: w.w, h: w.h, minW: 2, minH: 2 })));
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [pending, startTransition] = useTransition();
  const byId = new Map(widgets.map((w) => [String(w.id), w]));

  // Widgets added or removed on the server since the last render join or leave the layout.
  const current = layout.filter((item) => byId.has(item.i));
  for (const w of widgets) if (!current.some((item) => item.i === String(w.id))) current.push({ i: String(w.id), x: w.x, y: w.y, w: w.w, h: w.h, minW: 2, minH: 2 });

  // The keyboard's way to arrange: move and resize one step at a time.
  const nudge = (id: string, change: { x?: number; y?: number; w?: number }) => {
    setMessage(null);
    setLayout(
      current.map((item) => {
        if (item.i !== id) return item;
        const w = Math.min(GRID_COLUMNS, Math.max(2, item.w + (change.w ?? 0)));
        const x = Math.min(GRID_COLUMNS - w, Math.max(0, item.x + (change.x ?? 0)));
        return { ...item, w, x, y: Math.max(0, item.y + (change.y ?? 0)) };
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

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON_PRIMARY} onClick={() => setEditing("new")}>
          + Add widget
        </button>
        <button type="button" className={BUTTON_SECONDARY} disabled={!dirty || pending} onClick={save}>
          {pending ? "Saving…" : "Save layout"}
        </button>
        <p role="status" className="text-sm text-slate-600">
          {message}
          {message && dirty ? " " : ""}
          {dirty ? "Unsaved changes to the layout." : ""}
        </p>
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
            action={saveWidget.bind(null, editing === "new" ? null : editing)}
            initial={editing === "new" ? undefined : byId.get(String(editing))}
            submitLabel={editing === "new" ? "Add widget" : "Save widget"}
            competitions={competitions}
          />
        </section>
      )}
      <div ref={containerRef} className="rounded-2xl border border-dashed border-slate-300 bg-slate-100/60 p-2 dark:border-slate-700 dark:bg-slate-900/40" data-testid="layout-editor">
        {mounted && (
          <ReactGridLayout
            layout={current}
            width={width - 16}
            gridConfig={{ cols: GRID_COLUMNS, rowHeight: 72, margin: [12, 12] }}
            dragConfig={{ enabled: true, handle: ".drag-handle" }}
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
                <div key={item.i} className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid="editor-widget">
                  <div className="drag-handle flex cursor-move items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-800">
                    <span className="truncate text-sm font-medium">{widget.title}</span>
                    <span aria-hidden className="text-slate-400">⠿</span>
                  </div>
                  <div className="flex flex-1 flex-col justify-between p-3 text-xs text-slate-500">
                    <span>{WIDGET_KIND_LABELS[widget.config.kind]}</span>
                    <span className="flex flex-wrap gap-1" role="group" aria-label={`Arrange ${widget.title}`}>
                      {(
                        [
                          ["←", "left", { x: -1 }],
                          ["→", "right", { x: 1 }],
                          ["↑", "up", { y: -1 }],
                          ["↓", "down", { y: 1 }],
                          ["−", "narrower", { w: -1 }],
                          ["+", "wider", { w: 1 }],
                        ] as const
                      ).map(([symbol, word, change]) => (
                        <button
                          key={word}
                          type="button"
                          className="grid h-7 w-7 place-items-center rounded-md border border-slate-300 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800"
                          aria-label={word === "narrower" || word === "wider" ? `Make ${widget.title} ${word}` : `Move ${widget.title} ${word}`}
                          onClick={() => nudge(item.i, change)}
                        >
                          {symbol}
                        </button>
                      ))}
                    </span>
                    <span className="flex gap-2">
                      <button type="button" className={BUTTON_SECONDARY} onClick={() => setEditing(widget.id)} aria-label={`Edit ${widget.title}`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className={BUTTON_DANGER}
                        aria-label={`Remove ${widget.title}`}
                        onClick={() => {
                          if (window.confirm(`Remove “${widget.title}”?`)) startTransition(() => deleteWidget(widget.id));
                        }}
                      >
                        Remove
                      </button>
                    </span>
                  </div>
                </div>
              );
            })}
          </ReactGridLayout>
        )}
        {widgets.length === 0 && <p className="p-8 text-center text-sm text-slate-500">No widgets yet: add one to start.</p>}
      </div>
    </div>
  );
}
