import type { KpiDirection, KpiUnit } from "./catalog";
import { formatChangeAmount } from "./format-kpi-value";

export interface KpiChange {
  delta: number;
  /** The size without its sign: "12%" for counts (relative), "2.1 pts", "1m 05s"; "No change" at zero. */
  amount: string;
  /** Better or worse in the KPI's direction; a neutral KPI (a volume) only ever changes, "same". */
  tone: "better" | "worse" | "same";
  arrow: "▲" | "▼" | "■";
}

/**
 * A value against the previous period's, as number cards and digests word it; null when either is
 * missing. Counts change in per cent of the earlier value, percentages in points, the rest in
 * their unit.
 */
export function describeChange(kpi: { unit: KpiUnit; direction: KpiDirection }, now: number | null, before: number | null): KpiChange | null {
  if (before === null || now === null) return null;
  const delta = now - before;
  const amount =
    delta === 0 ? "No change" : kpi.unit === "count" && before !== 0 ? `${Math.abs((delta / before) * 100).toFixed(0)}%` : formatChangeAmount(delta, kpi.unit);
  const direction = delta === 0 ? "same" : (delta > 0) === (kpi.direction !== "lower") ? "better" : "worse";
  return { delta, amount, tone: kpi.direction === "neutral" && delta !== 0 ? "same" : direction, arrow: delta > 0 ? "▲" : delta < 0 ? "▼" : "■" };
}
