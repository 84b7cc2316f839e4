import { expect, test } from "vitest";

import { NO_FILTERS, type KpiFilters } from "@/lib/kpi/kpi-query";

import { leaderboardFiltersFor } from "./leaderboard-filters-for";

const narrowed: KpiFilters = { ...NO_FILTERS, team: ["alpha"], channel: ["email"] };

test("everyone but an agent ranks on their own narrowed filters", () => {
  expect(leaderboardFiltersFor({ kind: "all" }, narrowed)).toBe(narrowed);
  expect(leaderboardFiltersFor({ kind: "teams", teams: ["alpha"] }, narrowed)).toBe(narrowed);
});

test("an agent's leaderboards rank their whole team, or only them without a team", () => {
  const own: KpiFilters = { ...NO_FILTERS, agent: ["a1"], channel: ["email"] };
  expect(leaderboardFiltersFor({ kind: "agent", agent: "a1", team: "alpha" }, own)).toEqual({ ...NO_FILTERS, team: ["alpha"] });
  expect(leaderboardFiltersFor({ kind: "agent", agent: "a1", team: null }, own)).toEqual({ ...NO_FILTERS, agent: ["a1"] });
});
