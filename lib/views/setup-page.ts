import "server-only";

import { isSetupTokenValid } from "@/lib/auth/first-admin";
import { getDb } from "@/lib/db/get-db";

export interface SetupPage {
  /** False once the link was used or has expired, or when Deskpulse already has users. */
  tokenValid: boolean;
}

/** The one-time setup page: nobody is signed in yet, the token in its address is the authorisation. */
export async function setupPage(token: string): Promise<SetupPage> {
  return { tokenValid: await isSetupTokenValid((await getDb()).prisma, token) };
}
