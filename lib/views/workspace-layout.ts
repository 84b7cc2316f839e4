import "server-only";

import { can } from "@/lib/auth/access";
import type { UserContext } from "@/lib/auth/guards";
import { ROLE_LABELS } from "@/lib/auth/users";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface WorkspaceLayout {
  orgName: string;
  /** `scope` names a lead's teams or an agent user's agent; null for those who see everything. */
  user: { name: string; role: string; scope: string | null };
  /** Links the signed-in user may follow; each page checks again on the server. */
  show: { import: boolean; users: boolean; keys: boolean; screens: boolean; shareLinks: boolean; digests: boolean; channels: boolean; targets: boolean; kpis: boolean; serviceLevels: boolean; alerts: boolean; notifications: boolean };
}

/** The header of every signed-in page. */
export async function workspaceLayout({ prisma, user, principal }: UserContext): Promise<WorkspaceLayout> {
  const org = await getOrgSettings(prisma);
  const scope = user.role === "team_lead" ? user.teams.map((t) => t.name).join(", ") : user.role === "agent" ? (user.agent?.name ?? null) : null;
  return {
    orgName: org.name,
    user: { name: user.name, role: ROLE_LABELS[user.role], scope },
    show: {
      import: can(principal, "data:import"),
      users: can(principal, "users:manage"),
      keys: can(principal, "keys:manage"),
      screens: can(principal, "screens:manage"),
      shareLinks: can(principal, "share-links:manage"),
      channels: can(principal, "notifications:manage"),
      digests: can(principal, "digests:manage"),
      targets: can(principal, "targets:manage"),
      kpis: can(principal, "kpis:manage"),
      serviceLevels: can(principal, "settings:manage"),
      alerts: can(principal, "alerts:manage"),
      // Agents hear of their achievements and ranks; managers and admins of alerts.
      notifications: user.agent !== null || can(principal, "alerts:manage"),
    },
  };
}
