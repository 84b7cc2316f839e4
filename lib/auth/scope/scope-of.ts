import type { Principal } from "@/lib/auth/access";

/** Whose numbers a caller may read. */
export type KpiScope =
  | { kind: "all" }
  | { kind: "teams"; teams: string[] }
  | { kind: "agent"; agent: string; team: string | null }
  | { kind: "none" };

/**
 * Managers, admins and KPI keys read everything; a team lead the teams they lead; an agent their
 * own numbers. An account not yet linked to a team or agent, a TV token or an ingest key: nothing.
 */
export function scopeOf(principal: Principal): KpiScope {
  if (principal.kind === "kpi-key") return { kind: "all" };
  if (principal.kind !== "user") return { kind: "none" };
  const { user } = principal;
  switch (user.role) {
    case "admin":
    case "manager":
      return { kind: "all" };
    case "team_lead":
      return user.teams.length ? { kind: "teams", teams: user.teams.map((t) => t.externalId) } : { kind: "none" };
    case "agent":
      return user.agent ? { kind: "agent", agent: user.agent.externalId, team: user.agent.team } : { kind: "none" };
  }
}
