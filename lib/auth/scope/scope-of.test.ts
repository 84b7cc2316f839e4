import { expect, test } from "vitest";

import type { Principal, SessionUser } from "@/lib/auth/access";

import { scopeOf } from "./scope-of";

const user = (role: SessionUser["role"], extra: Partial<SessionUser> = {}): Principal => ({
  kind: "user",
  user: { id: 1, email: "u@example.com", name: "U", role, agent: null, teams: [], ...extra },
});

test("managers, admins and KPI keys read everything; TV tokens and ingest keys read nothing here", () => {
  expect(scopeOf(user("admin"))).toEqual({ kind: "all" });
  expect(scopeOf(user("manager"))).toEqual({ kind: "all" });
  expect(scopeOf({ kind: "kpi-key", keyId: 1 })).toEqual({ kind: "all" });
  expect(scopeOf({ kind: "screen", screenId: 1 })).toEqual({ kind: "none" });
  expect(scopeOf({ kind: "ingest-key", keyId: 1 })).toEqual({ kind: "none" });
  expect(scopeOf({ kind: "anonymous" })).toEqual({ kind: "none" });
  expect(scopeOf(user("team_lead"))).toEqual({ kind: "none" });
  expect(scopeOf(user("agent"))).toEqual({ kind: "none" });
});

test("a team lead reads the teams they lead; an agent their own numbers, with their team", () => {
  const teams = [{ id: 1, externalId: "alpha", name: "Alpha" }, { id: 2, externalId: "beta", name: "Beta" }];
  expect(scopeOf(user("team_lead", { teams }))).toEqual({ kind: "teams", teams: ["alpha", "beta"] });
  expect(scopeOf(user("agent", { agent: { id: 1, externalId: "a1", name: "A1", team: "alpha" } }))).toEqual({ kind: "agent", agent: "a1", team: "alpha" });
  expect(scopeOf(user("agent", { agent: { id: 1, externalId: "a1", name: "A1", team: null } }))).toEqual({ kind: "agent", agent: "a1", team: null });
});
