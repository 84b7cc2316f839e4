import type { KpiUnit } from "@/lib/kpi/catalog";
import { formatAxisValue } from "@/lib/kpi/format-kpi-value";

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** Steps a duration axis may use: the ones people count in, never 13.9h. */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
const PERCENT_STEPS = [1, 2, 5, 10, 20, 25, 50];

/** 1, 2 and 5 times a power of ten, from `smallest` up, as long as they are needed. */
function decimalSteps(smallest: number, span: number): number[] {
  const steps: number[] = [];
  for (let power = smallest; power / 10 <= span; power *= 10) steps.push(power, 2 * power, 5 * power);
  return steps.length ? steps : [smallest];
}

function stepsFor(unit: KpiUnit, span: number): number[] {
  switch (unit) {
    case "seconds":
      return span > 28 * DAY * 8 ? decimalSteps(DAY, span) : DURATION_STEPS;
    case "percent":
      return [...PERCENT_STEPS, ...decimalSteps(100, span)];
    case "count":
      return decimalSteps(1, span);
    default:
      return decimalSteps(0.01, span);
  }
}

export interface AxisScale {
  domain: [number, number];
  ticks: number[];
}

/**
 * Round ticks in the KPI's unit covering [min, max] with at most `maxTicks` of them: durations
 * in 15m/30m/1h/2h… steps, percentages in 10/20/25 steps, counts in 1/2/5×10ⁿ. The axis starts
 * at zero unless the data goes below it.
 */
export function axisScale(values: readonly (number | null | undefined)[], unit: KpiUnit, maxTicks = 5): AxisScale {
  const present = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const low = Math.min(0, ...present);
  const high = Math.max(low + (unit === "percent" ? 10 : 1) * Number.EPSILON, ...present);
  const span = high - low;
  const intervals = Math.max(1, maxTicks - 1);
  const steps = stepsFor(unit, span);
  const step = steps.find((s) => Math.ceil(high / s - 1e-9) - Math.floor(low / s + 1e-9) <= intervals) ?? steps.at(-1)!;
  const from = Math.floor(low / step + 1e-9) * step;
  const to = Math.max(from + step, Math.ceil(high / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; from + i * step <= to + step / 1e6; i++) ticks.push(Number((from + i * step).toPrecision(12)));
  return { domain: [from, ticks.at(-1)!], ticks };
}

/** A tick's label: durations as "1h 30m", "2d"; everything else as the axis formats it. */
export function formatTick(value: number, unit: KpiUnit): string {
  if (unit !== "seconds") return formatAxisValue(value, unit);
  if (value === 0) return "0";
  if (value < MINUTE) return `${value}s`;
  if (value < HOUR) return `${Math.round(value / MINUTE)}m`;
  if (value < 2 * DAY || value % DAY !== 0) {
    const hours = Math.floor(value / HOUR);
    const minutes = Math.round((value % HOUR) / MINUTE);
    return minutes ? `${hours}h ${minutes}m` : `${hours}h`;
  }
  return `${value / DAY}d`;
}
