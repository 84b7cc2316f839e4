import type { CustomKpiVersion, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The version of a custom KPI a reader computes: the latest, or with `at` the one in force then
 * (the latest saved at or before it), which is what a competition reads for its start so that an
 * edit during it changes nothing it shows. Before the first version the first one is in force: a
 * competition may be set up on a KPI defined after its start. Null for an unknown key.
 */
export async function loadCustomKpiVersion(
  prisma: Pick<PrismaClient, "customKpiVersion">,
  key: string,
  at?: Date,
): Promise<CustomKpiVersion | null> {
  const inForce = await prisma.customKpiVersion.findFirst({
    where: { kpi: { key }, ...(at && { createdAt: { lte: at } }) },
    orderBy: { version: "desc" },
  });
  return inForce ?? (at ? prisma.customKpiVersion.findFirst({ where: { kpi: { key } }, orderBy: { version: "asc" } }) : null);
}
