import { expect, it } from "vitest";

import { makeKpiDirectory, type CustomKpiFact } from "@/lib/kpi/kpi-directory";

import { achievementInputSchema, ZAchievementInput } from "./achievements";
import { ZCompetitionInput } from "./competitions";

const achievement = { name: "Lightning replies", scope: "agent", period: "day", minSample: 0 };
const competition = { name: "Sprint", firstDay: "2026-03-10", lastDay: "2026-03-12", participantKind: "agent", participants: ["a1", "a2"] };

it("takes an achievement's threshold in its KPI's unit: a duration for a time KPI", () => {
  expect(ZAchievementInput.parse({ ...achievement, kpiKey: "first_response_time", threshold: "5m" }).threshold).toBe(300);
  expect(ZAchievementInput.parse({ ...achievement, kpiKey: "first_response_time", threshold: "300" }).threshold).toBe(300);
  expect(ZAchievementInput.parse({ ...achievement, kpiKey: "csat", threshold: "92.5" }).threshold).toBe(92.5);
  expect(ZAchievementInput.safeParse({ ...achievement, kpiKey: "first_response_time", threshold: "quick" }).error!.issues).toEqual([
    expect.objectContaining({ path: ["threshold"], message: "write a duration such as 1h 30m or 90m" }),
  ]);
});

it("takes a competition's optional goal in its KPI's unit", () => {
  expect(ZCompetitionInput.parse({ ...competition, kpiKey: "aht", goal: "4m 30s" }).goal).toBe(270);
  expect(ZCompetitionInput.parse({ ...competition, kpiKey: "tickets_solved", goal: "40" }).goal).toBe(40);
  expect(ZCompetitionInput.parse({ ...competition, kpiKey: "aht" })).not.toHaveProperty("goal");
  expect(ZCompetitionInput.safeParse({ ...competition, kpiKey: "tickets_solved", goal: "lots" }).error!.issues).toEqual([
    expect.objectContaining({ path: ["goal"], message: "must be a number" }),
  ]);
});

const custom = (key: `custom_${string}`, facts: Partial<CustomKpiFact>): CustomKpiFact => ({
  key, custom: true, name: key, unit: "count", direction: "higher", plain: "", definition: "",
  version: 1, decimals: 0, formula: "", formulaUnit: "count", references: [], node: null, archived: false, ...facts,
});

it("takes an achievement on a custom KPI of the directory, its threshold in the custom KPI's unit, but not a live one", () => {
  const directory = makeKpiDirectory([
    custom("custom_chat_wait", { unit: "seconds", formulaUnit: "duration" }),
    custom("custom_free_now", { live: true }),
  ]);
  const schema = achievementInputSchema(directory);
  expect(schema.parse({ ...achievement, kpiKey: "custom_chat_wait", threshold: "5m" })).toMatchObject({ kpiKey: "custom_chat_wait", threshold: 300 });
  expect(schema.parse({ ...achievement, kpiKey: "first_response_time", threshold: "5m" }).threshold).toBe(300);
  for (const kpiKey of ["custom_free_now", "custom_never_saved"]) {
    expect(schema.safeParse({ ...achievement, kpiKey, threshold: "3" }).error!.issues).toEqual([expect.objectContaining({ path: ["kpiKey"] })]);
  }
  // Without the directory, only built-ins.
  expect(ZAchievementInput.safeParse({ ...achievement, kpiKey: "custom_chat_wait", threshold: "5m" }).success).toBe(false);
});
