import "server-only";

import { getDb } from "@/lib/db/get-db";

import { completeSetup } from "./first-admin";

/**
 * The setup page's form, authorised by the one-time token itself (there are no users yet to sign
 * in as): completeSetup refuses once any user exists, so it is closed for good after the first admin.
 */
export async function createFirstAdmin(token: string, input: { email: string; name: string; password: string }): Promise<{ id: number }> {
  return completeSetup((await getDb()).prisma, token, input);
}
