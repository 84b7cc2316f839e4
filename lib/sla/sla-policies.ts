import { z } from "zod";

import { ZDurationSeconds } from "@/lib/forms/parse-duration-input";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Priority } from "@/lib/generated/prisma/enums";

export const PRIORITIES = Object.values(Priority);
export const HOURS_BASES = ["business", "calendar"] as const;

/** At most 90 days: an SLA target longer than a quarter is a backlog, not a promise. */
// Typed as a duration ("4h", "1h 30m", "1:30:00" or seconds), stored as whole seconds.
const target = ZDurationSeconds.pipe(z.number().min(60, "must be at least a minute").max(90 * 86_400, "must be at most 90 days")).nullable();

export const ZSlaPolicy = z.object({
  priority: z.enum(PRIORITIES),
  firstResponseSeconds: target,
  firstResponseHours: z.enum(HOURS_BASES),
  resolutionSeconds: target,
  resolutionHours: z.enum(HOURS_BASES),
});
export type SlaPolicy = z.infer<typeof ZSlaPolicy>;

/** A policy per priority, in priority order; a priority without a stored policy has no targets. */
export async function listSlaPolicies(prisma: PrismaClient): Promise<SlaPolicy[]> {
  const rows = new Map((await prisma.slaPolicy.findMany()).map((row) => [row.priority, row]));
  return [...PRIORITIES].reverse().map((priority) => {
    const row = rows.get(priority);
    return {
      priority,
      firstResponseSeconds: row?.firstResponseSeconds ?? null,
      firstResponseHours: row?.firstResponseHours ?? "business",
      resolutionSeconds: row?.resolutionSeconds ?? null,
      resolutionHours: row?.resolutionHours ?? "business",
    };
  });
}

/** Replaces every priority's policy at once, so the table is never half old and half new. */
export async function saveSlaPolicies(prisma: PrismaClient, policies: SlaPolicy[]): Promise<void> {
  await prisma.$transaction(
    policies.map(({ priority, ...data }) => prisma.slaPolicy.upsert({ where: { priority }, create: { priority, ...data }, update: data })),
  );
}
