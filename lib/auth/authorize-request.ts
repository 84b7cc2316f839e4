import type { PrismaClient } from "@/lib/generated/prisma/client";

import { can, type Permission, type Principal } from "./access";
import { resolvePrincipal, type SessionReader } from "./principal";

/** A caller who presented a valid credential or session. */
export type AuthenticatedPrincipal = Exclude<Principal, { kind: "anonymous" }>;

export type Authorization =
  | { ok: true; principal: AuthenticatedPrincipal }
  | { ok: false; status: 401 | 403; message: string };

const NEEDS: Record<Permission, string> = {
  "kpis:read": "read KPIs (a KPI key or a signed-in user)",
  "data:ingest": "ingest records (an ingest key)",
  "data:import": "import data (a manager or admin)",
  "dashboards:manage": "manage dashboards (a manager or admin)",
  "targets:manage": "manage targets (a manager or admin)",
  "kpis:manage": "define custom KPIs (a manager or admin)",
  "screens:manage": "manage TV screens (a manager or admin)",
  "share-links:manage": "manage view-only links (a manager or admin)",
  "digests:manage": "manage scheduled digests (a manager or admin)",
  "alerts:manage": "manage alert rules (a manager or admin)",
  "notifications:manage": "manage delivery channels (an admin)",
  "settings:manage": "change settings (a manager or admin)",
  "users:manage": "manage users (an admin)",
  "keys:manage": "manage API keys (an admin)",
};

/**
 * The one check every permission route makes (through lib/http/route.ts): who is calling, and may
 * they do this? 401 = who?, 403 = not you.
 */
export async function authorizeRequest(
  prisma: PrismaClient,
  headers: Headers,
  readSession: SessionReader,
  permission: Permission,
): Promise<Authorization> {
  const principal = await resolvePrincipal(prisma, headers, readSession);
  if (principal.kind === "invalid") return { ok: false, status: 401, message: principal.message };
  if (principal.kind === "anonymous") {
    return { ok: false, status: 401, message: "Sign in, or send a key as Authorization: Bearer <key>." };
  }
  if (!can(principal, permission)) return { ok: false, status: 403, message: `Only callers who may ${NEEDS[permission]} can do this.` };
  return { ok: true, principal };
}
