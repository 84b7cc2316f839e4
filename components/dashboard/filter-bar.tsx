"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";

import { filtersToSearch, PRESET_LABELS, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { WINDOW_PRESETS, type WindowPreset } from "@/lib/kpi/time-windows";
import type { LockedDimensions } from "@/lib/share/locked-filters";

interface Option {
  value: string;
  label: string;
}

interface FilterBarProps {
  filters: DashboardFilters;
  /** The window used when the URL names none. */
  defaultPreset: WindowPreset;
  teams: Option[] | null;
  queues: Option[];
  channels: Option[];
  /** Extra parameters of the page to keep (e.g. the KPI a team page ranks on). */
  keep?: Record<string, string>;
  /** Filters fixed by the page (a view-only link's locked ones): their controls are not shown. */
  locked?: Partial<LockedDimensions>;
}

const CONTROL =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/** Period, team, channel and queue filters, kept in the URL so a link reproduces the view. */
export function FilterBar({ filters, defaultPreset, teams, queues, channels, keep = {}, locked = {} }: FilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [custom, setCustom] = useState(filters.range !== null);
  const go = (next: DashboardFilters) => {
    const search = new URLSearchParams(filtersToSearch(next));
    for (const [name, value] of Object.entries(keep)) search.set(name, value);
    const query = search.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  };
  const active = filters.team.length + filters.channel.length + filters.queue.length > 0 || filters.preset !== null || filters.range !== null;

  return (
    <form
      className="relative flex flex-wrap items-end gap-3"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        go({ ...filters, preset: null, range: { from: String(form.get("from")), to: String(form.get("to")) } });
      }}
    >
      {!locked.period && (
        <label className="text-sm">
          <span className="mb-1 block text-xs font-medium text-slate-500 dark:text-slate-400">Period</span>
          <select
            className={CONTROL}
            value={custom ? "custom" : (filters.preset ?? defaultPreset)}
            onChange={(event) => {
              if (event.target.value === "custom") return setCustom(true);
              setCustom(false);
              go({ ...filters, range: null, preset: event.target.value as WindowPreset });
            }}
          >
            {WINDOW_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {PRESET_LABELS[preset]}
              </option>
            ))}
            <option value="custom">Custom range…</option>
          </select>
        </label>
      )}
      {custom && !locked.period && (
        <>
          <label className="text-sm">
            <span className="mb-1 block text-xs font-medium text-slate-500 dark:text-slate-400">From</span>
            <input type="date" name="from" required defaultValue={filters.range?.from} className={CONTROL} />
          </label>
          <label className="text-sm">
            <span className="mb-1 block text-xs font-medium text-slate-500 dark:text-slate-400">To (included)</span>
            <input type="date" name="to" required defaultValue={filters.range?.to} className={CONTROL} />
          </label>
          <button type="submit" className={CONTROL}>
            Apply
          </button>
        </>
      )}
      {teams && teams.length > 1 && !locked.team && (
        <MultiSelect label="Team" all="All teams" options={teams} selected={filters.team} onChange={(team) => go({ ...filters, team })} />
      )}
      {!locked.channel && (
        <MultiSelect
          label="Channel"
          all="All channels"
          options={channels}
          selected={filters.channel}
          onChange={(channel) => go({ ...filters, channel: channel as DashboardFilters["channel"] })}
        />
      )}
      {queues.length > 0 && !locked.queue && <MultiSelect label="Queue" all="All queues" options={queues} selected={filters.queue} onChange={(queue) => go({ ...filters, queue })} />}
      {active && (
        <button type="button" className="px-1 py-1.5 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300" onClick={() => { setCustom(false); go({ preset: null, range: null, team: [], channel: [], queue: [] }); }}>
          Reset
        </button>
      )}
    </form>
  );
}

function MultiSelect({ label, all, options, selected, onChange }: { label: string; all: string; options: Option[]; selected: string[]; onChange: (values: string[]) => void }) {
  const summary = selected.length === 0 ? all : options.filter((o) => selected.includes(o.value)).map((o) => o.label).join(", ") || selected.join(", ");
  return (
    <div className="text-sm">
      <span className="mb-1 block text-xs font-medium text-slate-500 dark:text-slate-400">{label}</span>
      {/* On a phone the options open across the filter bar, wherever the button sits in it. */}
      <details className="relative max-sm:static">
        <summary className={`${CONTROL} flex max-w-56 cursor-pointer list-none items-center gap-2`} aria-label={`${label}: ${summary}`}>
          <span className="truncate">{summary}</span>
          <span aria-hidden className="text-slate-500 dark:text-slate-400">▾</span>
        </summary>
        <fieldset className="absolute z-20 mt-1 max-h-72 w-60 overflow-y-auto max-sm:inset-x-0 max-sm:w-auto rounded-xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <legend className="sr-only">{label}</legend>
          {options.map((option) => (
            <label key={option.value} className="flex items-center gap-2 rounded-lg px-2 py-1.5 hover:bg-slate-50 dark:hover:bg-slate-800">
              <input
                type="checkbox"
                className="h-4 w-4 accent-indigo-600"
                checked={selected.includes(option.value)}
                onChange={(event) => onChange(event.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
