import { presetWindow, type TimeWindow, type WindowPreset } from "@/lib/kpi/time-windows";

// The stretch of time an alert judges a KPI over. Rolling windows react to the last hour's work
// whatever the time of day; "today" matches the dashboards' default and the daily targets. Longer
// windows move too slowly for an alert to mean "act now", so they are not offered.

export const ALERT_WINDOWS = {
  last_15_minutes: { label: "Last 15 minutes", minutes: 15 },
  last_hour: { label: "Last hour", minutes: 60 },
  last_4_hours: { label: "Last 4 hours", minutes: 240 },
  today: { label: "Today so far", minutes: null },
} as const satisfies Record<string, { label: string; minutes: number | null }>;

export type AlertWindow = keyof typeof ALERT_WINDOWS;
export const ALERT_WINDOW_KEYS = Object.keys(ALERT_WINDOWS) as AlertWindow[];

export function isAlertWindow(value: string): value is AlertWindow {
  return Object.hasOwn(ALERT_WINDOWS, value);
}

/** [from, to): a rolling window ends now; "today" is the local day, as on a dashboard. */
export function alertWindow(window: AlertWindow, now: Date, timeZone: string): TimeWindow {
  const { minutes } = ALERT_WINDOWS[window];
  return minutes === null ? presetWindow("today", now, timeZone) : { from: new Date(now.getTime() - minutes * 60_000), to: now };
}

/** The KPI page's window that shows what the alert judged: its own day for every alert window. */
export const KPI_PAGE_PRESET: WindowPreset = "today";
