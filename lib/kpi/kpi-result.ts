import type { KpiKey, KpiUnit } from "./catalog";

/** One KPI's value with the counts behind it (SPEC section 2's response shape). */
export interface KpiResult {
  key: KpiKey;
  /** null when there is no data: never 0 or NaN in its place. */
  value: number | null;
  unit: KpiUnit;
  /** The number of records the value was computed from. */
  n: number;
  numerator?: number;
  denominator?: number;
  median?: number | null;
  p90?: number | null;
  /** How median and p90 were found: exactly, or from the sketches within 0.5 % (lib/kpi/sketches). */
  percentiles?: "exact" | "approximate";
  /** How a distinct count behind the value was found: exactly, or from the sketches within about 0.8 % (lib/kpi/sketches/distinct-sketch.ts). */
  distinct?: "exact" | "approximate";
  marginOfError?: number | null;
  /** Extra figures a card shows: CSAT's mean score, NPS's three shares. */
  details?: Record<string, number | null>;
}

/**
 * Raw SQL numbers arrive as number, bigint (count), Decimal (sum of integers) or null; this is the
 * one place they become plain numbers.
 */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(String(value));
  return Number.isFinite(n) ? n : null;
}

export const count = (value: unknown): number => num(value) ?? 0;

export function ratio(numerator: number, denominator: number, scale = 1): number | null {
  return denominator > 0 ? (numerator / denominator) * scale : null;
}
