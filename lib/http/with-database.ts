import "server-only";

import { getDb } from "@/lib/db/get-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { problem } from "./problem";

/** Runs a route handler with the database, or answers 503 (retry later) when it cannot be reached. */
export async function withDatabase(handler: (prisma: PrismaClient) => Promise<Response>): Promise<Response> {
  let prisma: PrismaClient;
  try {
    prisma = (await getDb()).prisma;
  } catch {
    return problem(503, "unavailable", "The database is not reachable right now; retry the same request later.");
  }
  return handler(prisma);
}
