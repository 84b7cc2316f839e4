import { z } from "zod";

import { DURATION_INPUT_ERROR, parseDurationInput } from "@/lib/forms/parse-duration-input";

import type { KpiUnit } from "./catalog";

/** What a form sends for an amount in a KPI's unit, before the KPI (and so the unit) is known. */
export const ZKpiAmountText = z.union([z.number(), z.string().trim().min(1, "is required")], { error: "is required" });

/**
 * An amount typed for a KPI in that KPI's unit: for time KPIs a duration ("1h 30m", "90m", or a
 * number of seconds), for the others a number. Answers the amount, or the error for its field.
 */
export function parseKpiAmount(unit: KpiUnit, input: number | string): { amount: number } | { error: string } {
  if (unit === "seconds") {
    const seconds = typeof input === "number" ? input : parseDurationInput(input);
    return seconds !== null && Number.isFinite(seconds) ? { amount: seconds } : { error: DURATION_INPUT_ERROR };
  }
  const amount = typeof input === "number" ? input : Number(input);
  return Number.isFinite(amount) ? { amount } : { error: "must be a number" };
}
