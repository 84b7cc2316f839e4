import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface OrgSettings {
  name: string;
  timeZone: string;
  serviceLevelSeconds: number;
  minSampleSize: number;
}

/** The schema's defaults, in force until someone changes a setting (which creates the row). */
export const DEFAULT_ORG_SETTINGS: OrgSettings = { name: "Deskpulse", timeZone: "UTC", serviceLevelSeconds: 20, minSampleSize: 10 };

/** The organisation's settings; read on every page and API call, so a read and never a write. */
export async function getOrgSettings(prisma: PrismaClient): Promise<OrgSettings> {
  const row = await prisma.orgSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_ORG_SETTINGS;
  return { name: row.name, timeZone: row.timeZone, serviceLevelSeconds: row.serviceLevelSeconds, minSampleSize: row.minSampleSize };
}
