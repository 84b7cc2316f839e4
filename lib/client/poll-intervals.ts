/** How often the client polls where the server does not say (each dashboard carries its own `pollSeconds`). */
export const POLL_INTERVALS = {
  /** A screen's playlist: new dashboards, rotation changes and deploys reach a wall within a minute. */
  tvPlaylistMs: 60_000,
  /** An agent's notification bell. */
  notificationsMs: 30_000,
} as const;
