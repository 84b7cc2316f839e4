import "server-only";

import { getDb } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env";

import { createAuth, type Auth } from "./better-auth";
import { getAuthSecret } from "./instance-secret";
import { resolveClient } from "./resolve-client";

// One instance per transport and process, next to the database it uses: cookie attributes are
// fixed per instance (HTTP or HTTPS), and both share the secret and the sessions.
const holder = globalThis as typeof globalThis & { __deskpulseAuth?: Promise<{ http: Auth; https: Auth }> };

/**
 * The better-auth instance for a request: the HTTPS one (`__Secure-` cookies) when the browser is
 * on HTTPS (lib/auth/resolve-client.ts), otherwise, and without headers, the HTTP one.
 */
export async function getAuth(transport?: Headers | { https: boolean }): Promise<Auth> {
  holder.__deskpulseAuth ??= (async () => {
    const { prisma } = await getDb();
    const secret = await getAuthSecret(prisma);
    const publicUrl = getEnv().DESKPULSE_PUBLIC_URL;
    return {
      http: createAuth(prisma, secret, { secure: false, publicUrl }),
      https: createAuth(prisma, secret, { secure: true, publicUrl }),
    };
  })().catch((error: unknown) => {
    holder.__deskpulseAuth = undefined;
    throw error;
  });
  const instances = await holder.__deskpulseAuth;
  // next/headers gives a read-only stand-in for Headers, so no instanceof.
  const https = transport && "get" in transport ? resolveClient(transport).https : (transport?.https ?? false);
  return https ? instances.https : instances.http;
}
