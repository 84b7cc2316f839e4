import { expect, test } from "vitest";

import { rankImprovement } from "./rank-improvement";

const g = (key: string, value: number | null, n = 50) => ({ key, label: key.toUpperCase(), value, n });

test("most improved ranks the change in the KPI's better direction, among those with both periods and enough responses", () => {
  // Solved: b +25, a +5, d −15; c has no earlier period.
  const solved = rankImprovement("tickets_solved", [g("a", 45), g("b", 35), g("c", 30), g("d", 5)], [g("a", 40), g("b", 10), g("d", 20)], 10);
  expect(solved.map((r) => [r.key, r.rank, r.change])).toEqual([["b", 1, 25], ["a", 2, 5], ["d", 3, -15], ["c", null, null]]);
  // First response time: lower is better, so the biggest drop wins.
  const frt = rankImprovement("first_response_time", [g("a", 600), g("b", 300)], [g("a", 900), g("b", 1200)], 10);
  expect(frt.map((r) => [r.key, r.change])).toEqual([["b", -900], ["a", -300]]);
  // A rate from too few responses in either period is not ranked.
  const csat = rankImprovement("csat", [g("a", 100, 40), g("b", 90, 40), g("c", 95, 40)], [g("a", 50, 3), g("b", 70, 40), g("c", 94, 40)], 10);
  expect(csat.map((r) => [r.key, r.rank])).toEqual([["b", 1], ["c", 2], ["a", null]]);
});
