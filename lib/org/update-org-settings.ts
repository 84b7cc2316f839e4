import { z } from "zod";

import { ZDurationSeconds } from "@/lib/forms/parse-duration-input";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** IANA zone names this runtime knows (Intl's list plus UTC, which some runtimes leave out). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

export const ZOrgSettingsUpdate = z
  .object({
    timeZone: z.string().trim().refine(isTimeZone, "must be an IANA time zone such as Europe/Copenhagen").optional(),
    serviceLevelSeconds: ZDurationSeconds.pipe(z.number().min(1, "must be at least a second").max(3600, "must be at most an hour")).optional(),
  })
  .refine((update) => update.timeZone !== undefined || update.serviceLevelSeconds !== undefined, "nothing to change");

export type OrgSettingsUpdate = z.infer<typeof ZOrgSettingsUpdate>;

export async function updateOrgSettings(prisma: PrismaClient, update: OrgSettingsUpdate): Promise<void> {
  await prisma.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, ...update }, update });
}
