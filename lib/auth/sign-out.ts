import "server-only";

import { getAuth } from "./get-auth";
import { forgetPrincipals } from "./principal-cache";

/** Ends the session the request's cookie names; without one there is nothing to end, which is fine. */
export async function signOut(requestHeaders: Headers): Promise<void> {
  const auth = await getAuth(requestHeaders);
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
  forgetPrincipals();
}
