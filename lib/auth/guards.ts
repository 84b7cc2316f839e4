import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { cache } from "react";

import { getDb } from "@/lib/db/get-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { can, type Permission, type Principal, type SessionUser } from "./access";
import { getAuth } from "./get-auth";
import { resolvePrincipal, type SessionReader } from "./principal";
import { sessionUserIds } from "./principal-cache";

// The authorisation layer: route handlers are built with `route` (lib/http/route.ts), pages call
// `requirePage` and server actions `requireAction`. The exceptions authorise by a token of their
// own (sign-in, the one-time setup link, a TV screen's path token, health), and the access matrix
// test enumerates every handler and action so none is missed.

export const readSession: SessionReader = async (requestHeaders) => {
  // Without any cookie there is no session to look up (API clients, TVs, health probes).
  const cookie = requestHeaders.get("cookie");
  if (!cookie) return null;
  const auth = await getAuth(requestHeaders);
  // The same cookies read by the same instance (transport) name the same session; a sign-out forgets them (principal-cache.ts).
  return sessionUserIds.get(auth, cookie, async () => {
    const session = await auth.api.getSession({ headers: requestHeaders });
    return session ? Number(session.user.id) : null;
  });
};

/** The caller of the current page or action, looked up once per request. */
export const currentPrincipal = cache(async (): Promise<Principal> => {
  const { prisma } = await getDb();
  const principal = await resolvePrincipal(prisma, await headers(), readSession);
  return principal.kind === "invalid" ? { kind: "anonymous" } : principal;
});

export interface UserContext {
  prisma: PrismaClient;
  user: SessionUser;
  principal: Extract<Principal, { kind: "user" }>;
}

/** For server components: signed-out visitors go to sign-in; signed-in users without `permission` get 403. */
export async function requirePage(permission: Permission = "kpis:read"): Promise<UserContext> {
  const principal = await currentPrincipal();
  if (principal.kind !== "user") redirect("/sign-in");
  if (!can(principal, permission)) forbidden();
  return { prisma: (await getDb()).prisma, user: principal.user, principal };
}

/** For server actions: 401 without a session, 403 without `permission`, before any input is read. */
export async function requireAction(permission: Permission): Promise<UserContext> {
  const principal = await currentPrincipal();
  if (principal.kind !== "user") unauthorized();
  if (!can(principal, permission)) forbidden();
  return { prisma: (await getDb()).prisma, user: principal.user, principal };
}
