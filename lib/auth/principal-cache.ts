import { sharedShortLivedCache } from "@/lib/cache/short-lived-cache";

import type { Principal, SessionUser } from "./access";

// What a credential stands for, remembered for a few seconds (lib/cache/short-lived-cache.ts) so
// that a cached dashboard or TV poll touches no database. Keys are the exact credential presented:
// only a caller holding the same cookie or token gets the same answer.

/** A request's Cookie header, per better-auth instance (transport) → the id of the user whose session it signs, or null. */
export const sessionUserIds = sharedShortLivedCache<number | null>("session-user-ids");

/** A user id → the user with role, agent and teams, as scope is computed from them. */
export const sessionUsers = sharedShortLivedCache<SessionUser | null>("session-users");

/** An `Authorization: Bearer` value → the API key or screen it names. */
export const bearerPrincipals = sharedShortLivedCache<Principal | { kind: "invalid"; message: string }>("bearer-principals");

/** A TV path token → its screen row, or null for an unknown token. */
export const screenTokenRows = sharedShortLivedCache<{ id: number; revokedAt: Date | null; lastSeenAt: Date | null } | null>("screen-token-rows");

/** A view-only link's path token → its row (locked filters as stored), or null for an unknown token. */
export const shareLinkRows = sharedShortLivedCache<{
  id: number;
  dashboardSlug: string;
  lockedFilters: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
} | null>("share-link-rows");

/** A screen id → the slugs of the dashboards on its playlist: which dashboards its token may read. */
export const screenDashboardSlugSets = sharedShortLivedCache<string[]>("screen-dashboard-slugs");

/**
 * Called by whatever ends or changes a credential: a sign-out, a user changed or deleted (role,
 * teams, agent, password), an API key, screen token or view-only link revoked, a screen's playlist changed. These
 * are rare, so everything is forgotten rather than tracked per user; every viewer's next poll looks
 * itself up once again.
 */
export function forgetPrincipals(): void {
  sessionUserIds.clear();
  sessionUsers.clear();
  bearerPrincipals.clear();
  screenTokenRows.clear();
  shareLinkRows.clear();
  screenDashboardSlugSets.clear();
}
