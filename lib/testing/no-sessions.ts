import type { SessionReader } from "@/lib/auth/principal";

/** For tests of key-authorised routes: no request carries a session. */
export const NO_SESSIONS: SessionReader = async () => null;
