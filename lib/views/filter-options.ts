import { visibleTeams, type KpiScope } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CHANNELS, ENUM_LABELS } from "@/lib/ingest/record-schemas";

export interface FilterOptions {
  /** null when the viewer cannot choose teams (an agent). */
  teams: { value: string; label: string }[] | null;
  queues: { value: string; label: string }[];
  channels: { value: string; label: string }[];
}

/** What the filter bar offers: only the teams the viewer may see, so no other team's name appears. */
export async function filterOptions(prisma: PrismaClient, scope: KpiScope): Promise<FilterOptions> {
  const [teams, queues] = await Promise.all([
    visibleTeams(prisma, scope),
    prisma.queue.findMany({ select: { externalId: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    teams: teams && teams.map((t) => ({ value: t.externalId, label: t.name })),
    queues: queues.map((q) => ({ value: q.externalId, label: q.name })),
    channels: CHANNELS.map((c) => ({ value: c, label: ENUM_LABELS.channel[c] })),
  };
}
