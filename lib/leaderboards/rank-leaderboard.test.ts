import { expect, test } from "vitest";

import { rankLeaderboard } from "./rank-leaderboard";

const g = (key: string, value: number | null, n = 50) => ({ key, label: key.toUpperCase(), value, n });

test("a leaderboard ranks in the KPI's direction, shares ranks on ties and shows movement", () => {
  const solved = rankLeaderboard("tickets_solved", [g("a", 10), g("b", 30), g("c", 30), g("d", 5)], [g("a", 40), g("b", 10), g("d", 20)], 10);
  expect(solved.map((r) => [r.key, r.rank, r.previousRank])).toEqual([["b", 1, 3], ["c", 1, null], ["a", 3, 1], ["d", 4, 2]]);
  const frt = rankLeaderboard("first_response_time", [g("a", 600), g("b", 60)], [], 10);
  expect(frt.map((r) => r.key)).toEqual(["b", "a"]);
});

test("nobody is ranked on a rate from fewer responses than the minimum", () => {
  const csat = rankLeaderboard("csat", [g("a", 100, 3), g("b", 80, 40), g("c", 90, 12)], [], 10);
  expect(csat.map((r) => [r.key, r.rank])).toEqual([["c", 1], ["b", 2], ["a", null]]);
  // Counts need no minimum.
  expect(rankLeaderboard("tickets_solved", [g("a", 2, 2)], [], 10)[0]!.rank).toBe(1);
});
