import "server-only";

import { listApiKeys } from "@/lib/auth/api-keys";
import type { UserContext } from "@/lib/auth/guards";
import { getOrgSettings } from "@/lib/org/get-org-settings";

const KIND_LABELS = { ingest: "Ingest", kpi: "KPI read" } as const;

export interface KeysPage {
  timeZone: string;
  keys: { id: number; name: string; kind: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }[];
}

export async function keysPage({ prisma }: UserContext): Promise<KeysPage> {
  const [keys, org] = await Promise.all([listApiKeys(prisma), getOrgSettings(prisma)]);
  return { timeZone: org.timeZone, keys: keys.map((key) => ({ ...key, kind: KIND_LABELS[key.kind] })) };
}
