import { z } from "zod";

import type { DbContext } from "@/lib/db/db-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums";

import { forgetPrincipals } from "./principal-cache";
import { hashToken, isLastUseStale, newSecretToken } from "./secret-tokens";

// API keys are secret tokens (secret-tokens.ts): stored as SHA-256, shown once, when created.

const PREFIX: Record<ApiKeyKind, string> = { ingest: "dpi_", kpi: "dpk_" };

export async function createApiKey(
  prisma: PrismaClient,
  input: { kind: ApiKeyKind; name: string },
): Promise<{ id: number; key: string }> {
  const key = newSecretToken(PREFIX[input.kind]);
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
  if (isLastUseStale(row.lastUsedAt)) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { status: "valid", id: row.id, kind: row.kind };
}

export const ZApiKeyInput = z.object({
  kind: z.enum(["ingest", "kpi"], "must be ingest or kpi"),
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
});

/** The settings page's "Create a key": the key itself is in the answer and nowhere else. */
export function issueApiKey({ prisma }: DbContext, input: z.output<typeof ZApiKeyInput>): Promise<{ id: number; key: string }> {
  return createApiKey(prisma, input);
}

export function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({
    select: { id: true, name: true, kind: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Revoking is immediate and final; the row stays so the list shows what existed and when it stopped. */
export async function revokeApiKey({ prisma }: DbContext, id: number): Promise<void> {
  await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetPrincipals();
}
