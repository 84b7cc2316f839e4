import { expect, test } from "vitest";

import { targetStatus } from "@/lib/targets/targets";

import { anonymised, rankImprovement, rankLeaderboard, rankVolumeAdjusted } from "./leaderboard-ranking";
import { parseDashboardFilters, filtersToSearch, filtersWindow } from "./dashboard-filters";

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

test("adjusted for handled volume, a rate from many responses outranks a slightly higher one from few", () => {
  const csat = [
    { key: "few", label: "Few", value: 100, n: 12, marginOfError: 12.1 },
    { key: "many", label: "Many", value: 97, n: 300, marginOfError: 1.9 },
    { key: "mid", label: "Mid", value: 90, n: 80, marginOfError: 6.4 },
  ];
  const rows = rankVolumeAdjusted("csat", csat, [], 10);
  expect(rows.map((r) => [r.key, r.rank, r.value, r.marginOfError])).toEqual([["many", 1, 97, 1.9], ["few", 2, 100, 12.1], ["mid", 3, 90, 6.4]]);
  // Lower is better for durations: the cautious end is the upper one.
  const frt = rankVolumeAdjusted("first_response_time", [g("a", 100), g("b", 200)], [], 10);
  expect(frt.map((r) => r.key)).toEqual(["a", "b"]);
});

test("an anonymous leaderboard shows initials and keys that identify nobody", () => {
  const rows = anonymised(rankLeaderboard("tickets_solved", [
    { key: "agent-001", label: "Wanda Moreau", value: 9, n: 9 },
    { key: "agent-002", label: "Jean-Luc van der Berg", value: 7, n: 7 },
  ], [], 10));
  expect(rows.map((r) => [r.key, r.label, r.rank])).toEqual([["anonymous-1", "W. M.", 1], ["anonymous-2", "J. L. B.", 2]]);
  expect(JSON.stringify(rows)).not.toMatch(/agent-00|Wanda|Berg/);
});

test("target status follows the KPI's direction: green to the warning threshold, amber beyond, red at critical", () => {
  const sl = { value: 80, warning: 75, critical: 60 };
  expect(targetStatus("service_level", 82, sl)).toBe("good");
  expect(targetStatus("service_level", 75, sl)).toBe("good");
  expect(targetStatus("service_level", 70, sl)).toBe("warning");
  expect(targetStatus("service_level", 60, sl)).toBe("critical");
  const frt = { value: 3600, warning: 5400, critical: 7200 };
  expect(targetStatus("first_response_time", 4000, frt)).toBe("good");
  expect(targetStatus("first_response_time", 6000, frt)).toBe("warning");
  expect(targetStatus("first_response_time", 9000, frt)).toBe("critical");
  expect(targetStatus("first_response_time", null, frt)).toBeNull();
  expect(targetStatus("csat", 50, null)).toBeNull();
});

test("URL filters parse, name the bad parameter, and print back in a stable order", () => {
  const parsed = parseDashboardFilters({ team: ["b", "a"], channel: "email", preset: "last_7_days" });
  if (!parsed.ok) throw new Error("expected filters");
  expect(filtersToSearch(parsed.filters)).toBe("?preset=last_7_days&team=a&team=b&channel=email");
  expect(parseDashboardFilters({ channel: "fax" })).toMatchObject({ ok: false, parameter: "channel" });
  expect(parseDashboardFilters({ preset: "forever" })).toMatchObject({ ok: false, parameter: "preset" });
  expect(parseDashboardFilters({ from: "2026-11-01" })).toMatchObject({ ok: false, parameter: "from" });
  expect(parseDashboardFilters({ from: "2026-11-05", to: "2026-11-01" })).toMatchObject({ ok: false, parameter: "to" });
  expect(parseDashboardFilters({ from: "2024-01-01", to: "2026-11-01" })).toMatchObject({ ok: false, parameter: "to" });
  expect(parseDashboardFilters({ preset: "today", from: "2026-11-01", to: "2026-11-02" })).toMatchObject({ ok: false, parameter: "preset" });
});

test("a custom range is whole local days, both included, across a DST change", () => {
  const parsed = parseDashboardFilters({ from: "2026-03-28", to: "2026-03-29" });
  if (!parsed.ok) throw new Error("expected filters");
  const window = filtersWindow(parsed.filters, new Date(), "Europe/Berlin");
  expect(window.from.toISOString()).toBe("2026-03-27T23:00:00.000Z");
  expect(window.to.toISOString()).toBe("2026-03-29T22:00:00.000Z");
});
