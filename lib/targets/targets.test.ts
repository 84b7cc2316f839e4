import { expect, it } from "vitest";

import { makeKpiDirectory, type CustomKpiFact } from "@/lib/kpi/kpi-directory";

import { targetInputSchema } from "./targets";

const CUSTOM: CustomKpiFact = {
  key: "custom_urgent_solved", custom: true, name: "Urgent solved", unit: "count", direction: "higher", plain: "", definition: "",
  version: 1, decimals: 0, formula: "count(tickets by solved where priority = urgent)", formulaUnit: "count", references: [], node: null, archived: false,
};
const ZTargetInput = targetInputSchema(makeKpiDirectory([CUSTOM]));

const issues = (input: Record<string, unknown>) => ZTargetInput.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

it("takes a time KPI's goal and thresholds as durations and stores seconds", () => {
  expect(ZTargetInput.parse({ kpiKey: "first_response_time", value: "5m", warning: "1h 30m", critical: "1:30:01" })).toMatchObject({ value: 300, warning: 5400, critical: 5401 });
  expect(ZTargetInput.parse({ kpiKey: "first_response_time", value: "60", warning: "120", critical: "864000" })).toMatchObject({ value: 60, warning: 120, critical: 864_000 });
});

it("names each field that is not a duration, for a time KPI", () => {
  expect(issues({ kpiKey: "aht", value: "soon", warning: "10m", critical: "an hour" })).toEqual([
    ["value", "write a duration such as 1h 30m or 90m"],
    ["critical", "write a duration such as 1h 30m or 90m"],
  ]);
});

it("takes the other KPIs' amounts as numbers", () => {
  expect(ZTargetInput.parse({ kpiKey: "csat", value: "99.5", warning: "99", critical: "98" })).toMatchObject({ value: 99.5, warning: 99, critical: 98 });
  expect(issues({ kpiKey: "csat", value: "90%", warning: "85", critical: "80" })).toEqual([["value", "must be a number"]]);
  expect(issues({ kpiKey: "csat", value: "5m", warning: "85", critical: "80" })).toEqual([["value", "must be a number"]]);
});

it("orders the thresholds in the KPI's direction once they are read", () => {
  expect(issues({ kpiKey: "first_response_time", value: "10m", warning: "5m", critical: "1h" })).toEqual([["warning", "the goal must be at most the warning threshold"]]);
  expect(issues({ kpiKey: "nope", value: "1", warning: "1", critical: "1" })).toEqual([["kpiKey", "choose a KPI"]]);
  expect(issues({ kpiKey: "csat", warning: "85", critical: "80" })).toEqual([["value", "is required"]]);
});

it("takes a custom KPI of the directory, in its own unit and direction", () => {
  expect(ZTargetInput.parse({ kpiKey: "custom_urgent_solved", value: "40", warning: "30", critical: "20" })).toMatchObject({ kpiKey: "custom_urgent_solved", value: 40 });
  expect(issues({ kpiKey: "custom_urgent_solved", value: "20", warning: "30", critical: "10" })).toEqual([["warning", "the goal must be at least the warning threshold"]]);
  expect(issues({ kpiKey: "custom_never_saved", value: "1", warning: "1", critical: "1" })).toEqual([["kpiKey", "choose a KPI"]]);
});
