import { expect, test } from "vitest";

import { canSeeTicket } from "./can-see-ticket";

const ticket = { team: "alpha", assignee: "a1" };
const unassigned = { team: null, assignee: null };

test("everyone's scope opens every ticket, assigned or not", () => {
  expect(canSeeTicket({ kind: "all" }, ticket)).toBe(true);
  expect(canSeeTicket({ kind: "all" }, unassigned)).toBe(true);
});

test("a team lead opens their teams' tickets only, never one without a team", () => {
  expect(canSeeTicket({ kind: "teams", teams: ["alpha"] }, ticket)).toBe(true);
  expect(canSeeTicket({ kind: "teams", teams: ["beta"] }, ticket)).toBe(false);
  expect(canSeeTicket({ kind: "teams", teams: ["alpha"] }, unassigned)).toBe(false);
});

test("an agent opens the tickets assigned to them, not their team-mates'", () => {
  expect(canSeeTicket({ kind: "agent", agent: "a1", team: "alpha" }, ticket)).toBe(true);
  expect(canSeeTicket({ kind: "agent", agent: "a2", team: "alpha" }, ticket)).toBe(false);
  expect(canSeeTicket({ kind: "agent", agent: "a1", team: "alpha" }, unassigned)).toBe(false);
});

test("an unlinked account opens none", () => {
  expect(canSeeTicket({ kind: "none" }, ticket)).toBe(false);
});
