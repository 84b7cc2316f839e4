import { describe, expect, test } from "vitest";

import { fieldErrors } from "@/lib/forms/form-state";
import { makeKpiDirectory } from "@/lib/kpi/kpi-directory";

import { alertRuleInputSchema, type AlertRuleInput } from "./alert-rules";

const schema = alertRuleInputSchema(makeKpiDirectory([]));
const base: AlertRuleInput = { name: "Slow replies", kind: "kpi", kpiKey: "first_response_time", window: "last_hour", condition: "threshold", threshold: "1h 30m", holdMinutes: "15" };
const errors = (input: Partial<AlertRuleInput>) => {
  const parsed = schema.safeParse({ ...base, ...input });
  return parsed.success ? null : fieldErrors(parsed.error);
};

describe("alertRuleInputSchema", () => {
  test("a threshold is typed in the KPI's unit; quiet hours as local times", () => {
    const parsed = schema.parse({ ...base, channel: "chat", quietStart: "22:00", quietEnd: "7:00", quietDays: ["5", "1", "5"] });
    expect(parsed.check).toEqual({ kind: "kpi", kpiKey: "first_response_time", condition: "threshold", threshold: 5400 });
    expect(parsed.filters).toEqual({ team: [], agent: [], channel: ["chat"], queue: [] });
    expect(parsed.quiet).toEqual({ start: 1320, end: 420, days: [1, 5] });
    expect(parsed.holdMinutes).toBe(15);
  });

  test("bad input names its field", () => {
    expect(errors({ name: " " })).toEqual({ name: "Is required." });
    expect(errors({ kpiKey: "nope" })).toEqual({ kpiKey: "Choose a KPI." });
    expect(errors({ kpiKey: "csat", threshold: "lots" })).toEqual({ threshold: "Must be a number." });
    expect(errors({ holdMinutes: "2.5" })).toEqual({ holdMinutes: "Must be a whole number of minutes." });
    expect(errors({ quietStart: "22:00" })).toEqual({ quietEnd: "Must be a time such as 07:00." });
    expect(errors({ quietStart: "9pm", quietEnd: "07:00" })).toEqual({ quietStart: "Must be a time such as 22:00." });
    expect(errors({ kind: "sla_at_risk", moreThan: "-1" })).toEqual({ moreThan: "Must be a whole number of tickets." });
  });

  test("off target needs no threshold; SLA rules keep a count and a horizon", () => {
    expect(schema.parse({ ...base, condition: "off_target", threshold: undefined }).check).toEqual({ kind: "kpi", kpiKey: "first_response_time", condition: "off_target" });
    expect(schema.parse({ ...base, kind: "sla_at_risk", moreThan: "5", horizonMinutes: "30" }).check).toEqual({ kind: "sla_at_risk", moreThan: 5, horizonMinutes: 30 });
  });
});
