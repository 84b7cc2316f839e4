import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { Principal, SessionUser } from "./access";
import { checkApiKey } from "./api-keys";
import { bearerPrincipals, sessionUsers } from "./principal-cache";
import { checkScreenToken, SCREEN_TOKEN_PREFIX } from "./screen-tokens";

/** Reads the signed session cookie of a request and answers the signed-in user's id, if any. */
export type SessionReader = (headers: Headers) => Promise<number | null>;

export type ResolvedPrincipal = Principal | { kind: "invalid"; message: string };

/**
 * Who is calling: a bearer credential (ingest key, KPI key or TV token) when the request carries
 * one, otherwise the session cookie's user. A bearer that is unknown or revoked is `invalid`, not
 * anonymous, so the caller hears why. Both are remembered for a few seconds (principal-cache.ts).
 */
export async function resolvePrincipal(prisma: PrismaClient, headers: Headers, readSession: SessionReader): Promise<ResolvedPrincipal> {
  const authorization = headers.get("authorization");
  if (authorization) return bearerPrincipals.get(prisma, authorization, () => resolveBearer(prisma, authorization));
  const userId = await readSession(headers);
  if (userId === null) return { kind: "anonymous" };
  const user = await sessionUsers.get(prisma, String(userId), () => loadSessionUser(prisma, userId));
  return user ? { kind: "user", user } : { kind: "anonymous" };
}

async function resolveBearer(prisma: PrismaClient, authorization: string): Promise<ResolvedPrincipal> {
  const token = authorization.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) return { kind: "invalid", message: "Authorization must be `Bearer <key>`." };
  if (token.startsWith(SCREEN_TOKEN_PREFIX)) {
    const screen = await checkScreenToken(prisma, token);
    return screen ? { kind: "screen", screenId: screen.id } : { kind: "invalid", message: "The screen token is unknown or revoked." };
  }
  const key = await checkApiKey(prisma, authorization);
  if (key.status !== "valid") return { kind: "invalid", message: "The key is unknown or revoked." };
  return key.kind === "ingest" ? { kind: "ingest-key", keyId: key.id } : { kind: "kpi-key", keyId: key.id };
}

export async function loadSessionUser(prisma: PrismaClient, id: number): Promise<SessionUser | null> {
  const row = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      agent: { select: { id: true, externalId: true, name: true, team: { select: { externalId: true } } } },
      teams: { select: { team: { select: { id: true, externalId: true, name: true } } }, orderBy: { teamId: "asc" } },
    },
  });
  if (!row) return null;
  const agent = row.agent && { id: row.agent.id, externalId: row.agent.externalId, name: row.agent.name, team: row.agent.team?.externalId ?? null };
  return { ...row, agent, teams: row.teams.map((t) => t.team) };
}
