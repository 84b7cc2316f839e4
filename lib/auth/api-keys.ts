import { createHash, randomBytes } from "node:crypto";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums";
import { problem } from "@/lib/http/problem";

// API keys are 256 random bits, so a fast hash (SHA-256) is enough to store them safely; the
// memory-hard hash is for low-entropy passwords. A key is shown once, when it is created.

const PREFIX: Record<ApiKeyKind, string> = { ingest: "dpi_", kpi: "dpk_" };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiKey(
  prisma: PrismaClient,
  input: { kind: ApiKeyKind; name: string },
): Promise<{ id: number; key: string }> {
  const key = `${PREFIX[input.kind]}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiKey.create({
    data: { kind: input.kind, name: input.name, tokenHash: hashToken(key), prefix: key.slice(0, 10) },
  });
  return { id: row.id, key };
}

export type ApiKeyCheck = { status: "missing" } | { status: "invalid" } | { status: "valid"; id: number; kind: ApiKeyKind };

/** Reads `Authorization: Bearer <key>` and looks the key up; revoked keys are invalid. */
export async function checkApiKey(prisma: PrismaClient, authorization: string | null): Promise<ApiKeyCheck> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) return { status: "missing" };
  const row = await prisma.apiKey.findUnique({ where: { tokenHash: hashToken(match[1]!) } });
  if (!row || row.revokedAt) return { status: "invalid" };
  // Last use is for the keys list; a minute's precision is plenty and spares a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { status: "valid", id: row.id, kind: row.kind };
}

/**
 * The API-key gate of a route: null when the request carries a live key of `kind`, otherwise the
 * response to send (401 without a key or with an unknown or revoked one, 403 with another kind).
 */
export async function requireApiKey(prisma: PrismaClient, request: Request, kind: ApiKeyKind): Promise<Response | null> {
  const key = await checkApiKey(prisma, request.headers.get("authorization"));
  if (key.status === "missing") return problem(401, "unauthorized", `Send a key of kind ${kind} as Authorization: Bearer <key>.`);
  if (key.status === "invalid") return problem(401, "unauthorized", "The key is unknown or revoked.");
  if (key.kind !== kind) return problem(403, "forbidden", `This key is of kind ${key.kind}; this endpoint needs a key of kind ${kind}.`);
  return null;
}
