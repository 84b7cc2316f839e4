import { expect, it } from "vitest";

import { ZAchievementInput } from "./achievements";
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
