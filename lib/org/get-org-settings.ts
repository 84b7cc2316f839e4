import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface OrgSettings {
  name: string;
  timeZone: string;
  serviceLevelSeconds: number;
  minSampleSize: number;
}

/** The organisation's settings; the defaults of the schema until someone changes them. */
export async function getOrgSettings(prisma: PrismaClient): Promise<OrgSettings> {
  const row = await prisma.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  return {
    name: row.name,
    timeZone: row.timeZone,
    serviceLevelSeconds: row.serviceLevelSeconds,
    minSampleSize: row.minSampleSize,
  };
}
