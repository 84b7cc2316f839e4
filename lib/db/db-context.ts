import type { PrismaClient } from "@/lib/generated/prisma/client";

/** What a lib entry point needs of its caller's context: the database. A page's or action's UserContext is one. */
export interface DbContext {
  prisma: PrismaClient;
}
