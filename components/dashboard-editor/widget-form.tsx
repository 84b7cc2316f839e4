"use client";

import { useActionState, useState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import { PRESET_LABELS } from "@/lib/dashboards/dashboard-filters";
import { WIDGET_KIND_LABELS, WIDGET_KINDS, type WidgetConfig } from "@/lib/dashboards/widget-config";
import type { FormState } from "@/lib/forms/form-state";
import { DIMENSION_PLURALS, DIMENSIONS } from "@/lib/kpi/dimensions";
import { WINDOW_PRESETS } from "@/lib/kpi/time-windows";
import type { PickableKpi } from "@/lib/views/dashboard-editor-page";

const SELECT = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500/40 dark:border-slate-600 dark:bg-slate-900";
/** The kinds that show KPIs over a window (and so have a period and a time basis). */
const HAS_KPI_WINDOW: WidgetConfig["kind"][] = ["kpi_number", "gauge", "time_series", "bar_breakdown", "leaderboard"];
const LABEL = "text-sm font-medium text-slate-700 dark:text-slate-200";

interface WidgetFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  initial?: { title: string; config: WidgetConfig };
  submitLabel: string;
  competitions: { id: number; name: string }[];
  /** Built-in and custom KPIs, from the directory. */
  kpis: PickableKpi[];
}

/** The fields a widget kind needs, and nothing else: choosing a kind shows its settings. */
export function WidgetForm({ action, initial, submitLabel, competitions, kpis }: WidgetFormProps) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const [kind, setKind] = useState<WidgetConfig["kind"]>(initial?.config.kind ?? "kpi_number");
  const errors = state.errors ?? {};
  const c = (initial?.config ?? {}) as Partial<Record<string, unknown>>;
  const error = (name: string) => errors[name] && <span className="mt-1 block text-sm text-red-700">{errors[name]}</span>;
  const nonLive = kpis.filter((k) => !k.live);
  return (
    <form action={submit} className="grid gap-4 sm:grid-cols-2" data-testid="widget-form">
      <label className="block">
        <span className={LABEL}>Kind</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as WidgetConfig["kind"])} className={SELECT}>
          {WIDGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {WIDGET_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <Field label="Title" name="title" defaultValue={initial?.title} required error={errors.title} />
      {(kind === "kpi_number" || kind === "gauge" || kind === "bar_breakdown" || kind === "leaderboard") && (
        <label className="block">
          <span className={LABEL}>KPI</span>
          <select name="kpi" defaultValue={(c.kpi as string) ?? "ticket_volume"} className={SELECT}>
            {(kind === "kpi_number" ? kpis : nonLive).map((k) => (
              <option key={k.key} value={k.key}>
                {k.name}
              </option>
            ))}
          </select>
          {error("kpi")}
        </label>
      )}
      {kind === "time_series" && (
        <fieldset className="sm:col-span-2">
          <legend className={LABEL}>KPIs (up to three, same unit reads best)</legend>
          <div className="mt-2 grid grid-cols-2 gap-1 md:grid-cols-3">
            {nonLive.map((k) => (
              <label key={k.key} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="kpis" value={k.key} defaultChecked={((c.kpis as string[]) ?? ["ticket_volume"]).includes(k.key)} className="h-4 w-4 accent-indigo-600" />
                {k.name}
              </label>
            ))}
          </div>
          {error("kpis")}
        </fieldset>
      )}
      {kind === "time_series" && (
        <label className="block">
          <span className={LABEL}>Buckets</span>
          <select name="bucket" defaultValue={(c.bucket as string) ?? "auto"} className={SELECT}>
            <option value="auto">Automatic (by period length)</option>
            <option value="hour">Hourly</option>
            <option value="day">Daily</option>
            <option value="week">Weekly</option>
          </select>
        </label>
      )}
      {(kind === "bar_breakdown" || kind === "leaderboard") && (
        <label className="block">
          <span className={LABEL}>{kind === "leaderboard" ? "Rank" : "Break down by"}</span>
          <select name="by" defaultValue={(c.by as string) ?? (kind === "leaderboard" ? "agent" : "team")} className={SELECT}>
            {(kind === "leaderboard" ? (["agent", "team"] as const) : DIMENSIONS).map((d) => (
              <option key={d} value={d}>
                {DIMENSION_PLURALS[d]}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === "leaderboard" && <Field label="Rows" name="limit" type="number" min={3} max={25} defaultValue={String(c.limit ?? 10)} error={errors.limit} />}
      {kind === "leaderboard" && (
        <label className="block">
          <span className={LABEL}>Ranking</span>
          <select name="ranking" defaultValue={(c.ranking as string) ?? "value"} className={SELECT}>
            <option value="value">Best value</option>
            <option value="improvement">Most improved vs the previous period</option>
            <option value="volume_adjusted">Adjusted for handled volume (rates and scores)</option>
          </select>
        </label>
      )}
      {kind === "leaderboard" && (
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="anonymous" defaultChecked={c.anonymous === true} className="h-4 w-4 accent-indigo-600" />
          Anonymous (initials only, for wall screens in public places)
        </label>
      )}
      {kind === "competition" && (
        <label className="block">
          <span className={LABEL}>Competition</span>
          <select name="competitionId" defaultValue={String(c.competitionId ?? competitions[0]?.id ?? "")} className={SELECT}>
            {competitions.length === 0 && <option value="">No competitions yet: create one under Competitions</option>}
            {competitions.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          {error("competitionId")}
        </label>
      )}
      {kind === "achievements_feed" && <Field label="Rows" name="limit" type="number" min={3} max={25} defaultValue={String(c.limit ?? 8)} error={errors.limit} />}
      {kind === "sla_at_risk" && (
        <>
          <Field
            label="Due within (minutes)"
            name="horizonMinutes"
            type="number"
            min={5}
            max={1440}
            defaultValue={String(c.horizonMinutes ?? 60)}
            error={errors.horizonMinutes}
          />
          <Field label="Rows" name="limit" type="number" min={3} max={25} defaultValue={String(c.limit ?? 8)} error={errors.limit} />
        </>
      )}
      {HAS_KPI_WINDOW.includes(kind) && (
        <label className="block">
          <span className={LABEL}>Ticket durations</span>
          <select name="hours" defaultValue={(c.hours as string) ?? "calendar"} className={SELECT}>
            <option value="calendar">Calendar time</option>
            <option value="business">Business hours only</option>
          </select>
          <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">Applies to first response, resolution and reply times.</span>
        </label>
      )}
      {HAS_KPI_WINDOW.includes(kind) && (
        <label className="block">
          <span className={LABEL}>Period</span>
          <select name="window" defaultValue={(c.window as string) ?? ""} className={SELECT}>
            <option value="">Follow the dashboard’s filter</option>
            {WINDOW_PRESETS.map((p) => (
              <option key={p} value={p}>
                Always {PRESET_LABELS[p].toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === "text" && (
        <label className="block sm:col-span-2">
          <span className={LABEL}>Text</span>
          <textarea name="text" rows={4} defaultValue={(c.text as string) ?? ""} aria-describedby="text-markdown-hint" className={SELECT} />
          <span id="text-markdown-hint" className="mt-1 block text-xs text-slate-500 dark:text-slate-400">
            Markdown: # heading, **bold**, *italic*, - list, [link](https://example.com)
          </span>
          {error("text")}
        </label>
      )}
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
        {errors.form && <p className="text-sm text-red-700">{errors.form}</p>}
      </div>
    </form>
  );
}
