import type { Role } from "@/lib/generated/prisma/enums";

// Who may do what (SPEC section 5), in one table that every route, action and page consults
// through lib/auth/guards.ts. Team and agent scope on top of `kpis:read` is in lib/auth/scope.

export const PERMISSIONS = [
  "kpis:read",
  "data:ingest",
  "data:import",
  "dashboards:manage",
  "targets:manage",
  "kpis:manage",
  "screens:manage",
  "share-links:manage",
  "digests:manage",
  "alerts:manage",
  "notifications:manage",
  "settings:manage",
  "users:manage",
  "keys:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Delivery channels hold SMTP credentials and webhook addresses: admins', as keys are.
const MANAGER: readonly Permission[] = PERMISSIONS.filter((p) => p !== "users:manage" && p !== "keys:manage" && p !== "notifications:manage" && p !== "data:ingest");

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== "data:ingest"),
  manager: MANAGER,
  team_lead: ["kpis:read"],
  agent: ["kpis:read"],
};

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The agent an `agent` user is; their own numbers. */
  agent: { id: number; externalId: string; name: string; team: string | null } | null;
  /** The teams a team lead leads. */
  teams: { id: number; externalId: string; name: string }[];
}

export type Principal =
  | { kind: "anonymous" }
  | { kind: "user"; user: SessionUser }
  | { kind: "ingest-key"; keyId: number }
  | { kind: "kpi-key"; keyId: number }
  | { kind: "screen"; screenId: number };

/** Machine credentials carry one permission each; a TV token none here (it reads only its screen). */
const CREDENTIAL_PERMISSIONS: Record<Exclude<Principal["kind"], "user">, readonly Permission[]> = {
  anonymous: [],
  "ingest-key": ["data:ingest"],
  "kpi-key": ["kpis:read"],
  screen: [],
};

export function can(principal: Principal, permission: Permission): boolean {
  const granted = principal.kind === "user" ? ROLE_PERMISSIONS[principal.user.role] : CREDENTIAL_PERMISSIONS[principal.kind];
  return granted.includes(permission);
}
