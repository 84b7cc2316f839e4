import { expect, it } from "vitest";

import { DURATION_INPUT_ERROR } from "@/lib/forms/parse-duration-input";

import { parseKpiAmount, ZKpiAmountText } from "./parse-kpi-amount";

it("reads a time KPI's amount as a duration, in seconds", () => {
  expect(parseKpiAmount("seconds", "1h 30m")).toEqual({ amount: 5400 });
  expect(parseKpiAmount("seconds", "1:30:00")).toEqual({ amount: 5400 });
  expect(parseKpiAmount("seconds", "300")).toEqual({ amount: 300 });
  expect(parseKpiAmount("seconds", 300)).toEqual({ amount: 300 });
  expect(parseKpiAmount("seconds", "soon")).toEqual({ error: DURATION_INPUT_ERROR });
  expect(parseKpiAmount("seconds", Number.NaN)).toEqual({ error: DURATION_INPUT_ERROR });
});

it("reads the other units' amounts as numbers, decimals and negatives included", () => {
  expect(parseKpiAmount("percent", "99.5")).toEqual({ amount: 99.5 });
  expect(parseKpiAmount("score", "-20")).toEqual({ amount: -20 });
  expect(parseKpiAmount("count", 40)).toEqual({ amount: 40 });
  expect(parseKpiAmount("percent", "90%")).toEqual({ error: "must be a number" });
  expect(parseKpiAmount("count", "1h")).toEqual({ error: "must be a number" });
});

it("requires some text before the unit is known", () => {
  expect(ZKpiAmountText.safeParse("  ").error!.issues[0]!.message).toBe("is required");
  expect(ZKpiAmountText.safeParse(undefined).error!.issues[0]!.message).toBe("is required");
  expect(ZKpiAmountText.parse(" 1h ")).toBe("1h");
});
