import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One round trip: resolves when the database answers queries, throws when it does not. */
export async function pingDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
