/**
 * Every query key of the client, built here and nowhere else, so two components reading the same
 * endpoint share one cache entry and one poll.
 */
export const queryKeys = {
  dashboardSnapshot: (slug: string, search: string) => ["dashboard-snapshot", slug, search] as const,
  tvPlaylist: (token: string) => ["tv", token, "playlist"] as const,
  tvSnapshot: (token: string, slug: string) => ["tv", token, "snapshot", slug] as const,
  tvCompetition: (token: string, id: number) => ["tv", token, "competition", id] as const,
  sharedDashboard: (token: string, search: string) => ["share", token, search] as const,
  notifications: () => ["notifications"] as const,
};
