import { TZDate } from "@date-fns/tz";
import { z } from "zod";

import { ZParamText } from "@/lib/http/param-text";
import type { CHANNELS } from "@/lib/ingest/record-schemas";
import { ZChannelValues, ZFilterValues } from "@/lib/kpi/api/filter-params";
import type { KpiFilters } from "@/lib/kpi/kpi-query";
import { MAX_WINDOW_MS, QUERY_LIMITS } from "@/lib/kpi/query-limits";
import { presetWindow, WINDOW_PRESETS, type TimeWindow, type WindowPreset } from "@/lib/kpi/time-windows";

// The filters of a dashboard or drill-down page, as they appear in its URL, so that a shared link
// reproduces the view: ?preset=last_7_days&team=billing&channel=email, or ?from=2026-11-01&to=2026-11-15
// (days in the organisation's zone, both included).

const day = ZParamText.pipe(z.iso.date());

export interface DashboardFilters {
  preset: WindowPreset | null;
  /** Custom range: local days, both included. */
  range: { from: string; to: string } | null;
  team: string[];
  channel: (typeof CHANNELS)[number][];
  queue: string[];
}

/**
 * The filters in a search-params record (pages' `searchParams`, the dashboard API's query); other
 * parameters are left to their page. Each problem names its parameter.
 */
export const ZDashboardFilters = z
  .object({
    preset: ZParamText.pipe(z.enum(WINDOW_PRESETS)).optional(),
    from: day.optional(),
    to: day.optional(),
    team: ZFilterValues,
    channel: ZChannelValues,
    queue: ZFilterValues,
  })
  .refine((f) => (f.from === undefined) === (f.to === undefined), { message: "give both from and to", path: ["from"] })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: "from must not be after to", path: ["to"] })
  .refine((f) => !(f.from && f.to) || Date.parse(f.to) - Date.parse(f.from) <= MAX_WINDOW_MS, {
    message: `a custom range covers at most ${QUERY_LIMITS.maxWindowDays} days`,
    path: ["to"],
  })
  .refine((f) => !(f.preset && f.from), { message: "give either a preset or from and to", path: ["preset"] })
  .transform(
    ({ preset, from, to, team, channel, queue }): DashboardFilters => ({
      preset: preset ?? null,
      range: from && to ? { from, to } : null,
      team,
      channel,
      queue,
    }),
  );

/** No filters: the dashboard's default window, everything the viewer may see (a wall screen's view). */
export const NO_DASHBOARD_FILTERS: DashboardFilters = { preset: null, range: null, team: [], channel: [], queue: [] };

export type ParsedFilters = { ok: true; filters: DashboardFilters } | { ok: false; parameter: string; message: string };

/** Search params (as Next.js passes them) to filters; the first problem names its parameter. */
export function parseDashboardFilters(params: Record<string, string | string[] | undefined>): ParsedFilters {
  const parsed = ZDashboardFilters.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, parameter: String(issue.path[0] ?? "filters"), message: issue.message };
  }
  return { ok: true, filters: parsed.data };
}

/** The query string of filters, in a stable order so equal filters give equal URLs (and cache keys). */
export function filtersToSearch(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  if (filters.range) {
    params.set("from", filters.range.from);
    params.set("to", filters.range.to);
  } else if (filters.preset) params.set("preset", filters.preset);
  for (const name of ["team", "channel", "queue"] as const) for (const value of [...filters[name]].sort()) params.append(name, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function kpiFiltersOf(filters: DashboardFilters): KpiFilters {
  return { team: filters.team, agent: [], channel: filters.channel, queue: filters.queue };
}

/** The window the filters select; without preset or range, `fallback` (the dashboard's default). */
export function filtersWindow(filters: DashboardFilters, now: Date, timeZone: string, fallback: WindowPreset = "today"): TimeWindow {
  if (filters.range) {
    const [fy, fm, fd] = filters.range.from.split("-").map(Number) as [number, number, number];
    const [ty, tm, td] = filters.range.to.split("-").map(Number) as [number, number, number];
    return {
      from: new Date(new TZDate(fy, fm - 1, fd, timeZone).getTime()),
      to: new Date(new TZDate(ty, tm - 1, td + 1, timeZone).getTime()),
    };
  }
  return presetWindow(filters.preset ?? fallback, now, timeZone);
}

export const PRESET_LABELS: Record<WindowPreset, string> = {
  today: "Today",
  yesterday: "Yesterday",
  last_7_days: "Last 7 days",
  last_30_days: "Last 30 days",
  this_week: "This week",
  this_month: "This month",
};

/** The window in words for a dashboard's heading: "Last 7 days" and "Mon 1 Dec – Sun 7 Dec" in the organisation's zone. */
export function describeFiltersWindow(filters: DashboardFilters, now: Date, timeZone: string): { period: string; span: string } {
  const window = filtersWindow(filters, now, timeZone);
  const last = new Date(window.to.getTime() - 1);
  const date = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" });
  const oneDay = window.to.getTime() - window.from.getTime() <= 86_400_000 * 1.05;
  return {
    period: filters.range ? "Custom range" : PRESET_LABELS[filters.preset ?? "today"],
    span: oneDay ? date.format(window.from) : `${date.format(window.from)} – ${date.format(last)}`,
  };
}
