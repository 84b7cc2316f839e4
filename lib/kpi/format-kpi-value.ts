import type { KpiUnit } from "./catalog";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const pad = (n: number) => String(n).padStart(2, "0");

/** Durations as people read them: "42s", "4m 12s", "3h 05m", "2d 04h". */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.max(0, seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${pad(Math.floor((s % 86_400) / 3600))}h`;
}

const DURATION_UNITS = [
  ["d", 86_400],
  ["h", 3600],
  ["m", 60],
  ["s", 1],
] as const;

/** Durations as typed in forms and gaps: "1h 30m", "42m", "45s", "2d 4h" (the two largest parts). */
export function formatDurationShort(seconds: number): string {
  let rest = Math.round(Math.max(0, seconds));
  const parts: string[] = [];
  for (const [suffix, size] of DURATION_UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${count}${suffix}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((part) => !/^0/.test(part));
  return shown.length ? shown.join(" ") : "0s";
}

/** A KPI value in its unit's format; null (no data) is an em dash, never 0. */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "count":
      return integer.format(value);
    case "seconds":
      return formatDuration(value);
    case "percent":
      return `${oneDecimal.format(value)}%`;
    case "ratio":
      return twoDecimals.format(value);
    case "score":
      return Math.abs(value) >= 10 ? oneDecimal.format(value) : twoDecimals.format(value);
  }
}

/** Short labels for chart axes: "45s", "12m", "3.5h", "1.2k", "80%". */
export function formatAxisValue(value: number, unit: KpiUnit): string {
  switch (unit) {
    case "seconds":
      if (value < 120) return `${Math.round(value)}s`;
      if (value < 7200) return `${Math.round(value / 60)}m`;
      return `${Number((value / 3600).toFixed(1))}h`;
    case "percent":
      return `${Math.round(value)}%`;
    case "count":
      return value >= 10_000 ? `${Number((value / 1000).toFixed(1))}k` : integer.format(value);
    default:
      return twoDecimals.format(value);
  }
}

/** The size of a change in a KPI's unit, without its sign: percentages change in points. */
export function formatChangeAmount(delta: number, unit: KpiUnit): string {
  return unit === "percent" ? `${Math.abs(delta).toFixed(1)} pts` : formatKpiValue(Math.abs(delta), unit);
}
