import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";

import { can, type Permission, type Principal } from "./access";
import { resolvePrincipal, type SessionReader } from "./principal";

export type Authorization =
  | { ok: true; principal: Exclude<Principal, { kind: "anonymous" }> }
  | { ok: false; status: 401 | 403; message: string };

const NEEDS: Record<Permission, string> = {
  "kpis:read": "read KPIs (a KPI key or a signed-in user)",
  "data:ingest": "ingest records (an ingest key)",
  "data:import": "import data (a manager or admin)",
  "dashboards:manage": "manage dashboards (a manager or admin)",
  "targets:manage": "manage targets (a manager or admin)",
  "screens:manage": "manage TV screens (a manager or admin)",
  "settings:manage": "change settings (a manager or admin)",
  "users:manage": "manage users (an admin)",
  "keys:manage": "manage API keys (an admin)",
};

/** The one check every route makes: who is calling, and may they do this? 401 = who?, 403 = not you. */
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

/** Runs `handler` for an authorised caller; anyone else gets the 401 or 403 problem response. */
export async function runAuthorized(
  prisma: PrismaClient,
  request: Request,
  readSession: SessionReader,
  permission: Permission,
  handler: (principal: Exclude<Principal, { kind: "anonymous" }>) => Promise<Response>,
): Promise<Response> {
  const result = await authorizeRequest(prisma, request.headers, readSession, permission);
  if (!result.ok) return problem(result.status, result.status === 401 ? "unauthorized" : "forbidden", result.message);
  return handler(result.principal);
}
