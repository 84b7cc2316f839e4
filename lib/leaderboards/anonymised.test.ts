import { expect, test } from "vitest";

import { anonymised } from "./anonymised";
import { rankLeaderboard } from "./rank-leaderboard";

test("an anonymous leaderboard shows initials and keys that identify nobody", () => {
  const rows = anonymised(rankLeaderboard("tickets_solved", [
    { key: "agent-001", label: "Wanda Moreau", value: 9, n: 9 },
    { key: "agent-002", label: "Jean-Luc van der Berg", value: 7, n: 7 },
  ], [], 10));
  expect(rows.map((r) => [r.key, r.label, r.rank])).toEqual([["anonymous-1", "W. M.", 1], ["anonymous-2", "J. L. B.", 2]]);
  expect(JSON.stringify(rows)).not.toMatch(/agent-00|Wanda|Berg/);
});
