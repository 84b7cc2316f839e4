import { needsMinimumSample, sampleNounOf } from "@/lib/kpi/catalog";
import { factOf, type KpiRef } from "@/lib/kpi/kpi-directory";
import { formatChangeAmount, formatDurationShort, formatKpiValue } from "@/lib/kpi/format-kpi-value";

import type { Target } from "./targets";

// How a value stands against its target, worded the same on every widget, page and screen:
// - "met": at or better than the goal;
// - "close": worse than the goal, but at or better than the warning threshold;
// - "off": beyond the warning threshold;
// - "critical": at or beyond the critical threshold.
// "Better" follows the KPI's direction; neutral KPIs (volumes) count higher as better. A rate or
// score over fewer records than the organisation's minimum sample gets no status at all: a CSAT of
// 100 % from one response is luck, not performance.

export type TargetStatus = "met" | "close" | "off" | "critical";

/** A status as a word and a symbol, so it never rests on colour alone: cards, screens and digests. */
export const TARGET_STATUS_WORDS: Record<TargetStatus, { label: string; symbol: string }> = {
  met: { label: "Goal met", symbol: "✓" },
  close: { label: "Close", symbol: "~" },
  off: { label: "Off target", symbol: "!" },
  critical: { label: "Critical", symbol: "✕" },
};

export type TargetStanding = { status: TargetStatus; gap: string } | { tooFew: number };

type Thresholds = Pick<Target, "value" | "warning" | "critical">;

const higherIsBetter = (kpi: KpiRef) => factOf(kpi).direction !== "lower";

export function targetStatus(kpi: KpiRef, value: number, target: Thresholds): TargetStatus {
  const atLeast = (threshold: number) => (higherIsBetter(kpi) ? value >= threshold : value <= threshold);
  if (atLeast(target.value)) return "met";
  if (!atLeast(target.critical) || value === target.critical) return "critical";
  return atLeast(target.warning) ? "close" : "off";
}

/** A value in the words of a gap: durations as "1h 30m", the rest as the KPI shows them. */
function amount(value: number, kpi: KpiRef): string {
  const { unit } = factOf(kpi);
  return unit === "seconds" ? formatDurationShort(value) : formatKpiValue(value, unit);
}

/**
 * The distance to the goal in the KPI's own unit: "−3.4 pts to 85.0%" and "+1.2 pts above 85.0%"
 * where higher is better, "42m over 1h" and "18m under 1h" where lower is, "at 85.0%" on it.
 */
export function targetGap(kpi: KpiRef, value: number, goal: number): string {
  const { unit } = factOf(kpi);
  const delta = value - goal;
  const target = amount(goal, kpi);
  if (delta === 0) return `at ${target}`;
  const size = unit === "percent" ? formatChangeAmount(delta, unit) : amount(Math.abs(delta), kpi);
  if (higherIsBetter(kpi)) return delta < 0 ? `−${size} to ${target}` : `+${size} above ${target}`;
  return delta > 0 ? `${size} over ${target}` : `${size} under ${target}`;
}

/** The number of records when a KPI's value rests on fewer than the minimum sample, else null. */
export function tooFewRecords(kpi: KpiRef, n: number, minSampleSize: number): number | null {
  return needsMinimumSample(factOf(kpi)) && n < minSampleSize ? n : null;
}

/** "Too few responses (1)": the noun from the records the KPI counts. */
export function tooFewLabel(kpi: KpiRef, n: number): string {
  return `Too few ${sampleNounOf(factOf(kpi))} (${n})`;
}

/** Where a value stands against its target; null without a value or a target. */
export function targetStanding(
  kpi: KpiRef,
  figure: { value: number | null; n: number },
  target: Thresholds | null,
  minSampleSize: number,
): TargetStanding | null {
  if (figure.value === null || !Number.isFinite(figure.value) || !target) return null;
  const tooFew = tooFewRecords(kpi, figure.n, minSampleSize);
  if (tooFew !== null) return { tooFew };
  return { status: targetStatus(kpi, figure.value, target), gap: targetGap(kpi, figure.value, target.value) };
}
