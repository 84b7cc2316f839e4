/** How far a backfill has come: the share of the time from `since` to now it has read, and when it should be done. */
export function backfillProgress(
  connection: { since: Date; reachedAt: Date | null; createdAt: Date },
  now: Date,
): { fraction: number; lagSeconds: number | null; etaSeconds: number | null } {
  const span = now.getTime() - connection.since.getTime();
  if (!connection.reachedAt || span <= 0) return { fraction: 0, lagSeconds: null, etaSeconds: null };
  const covered = connection.reachedAt.getTime() - connection.since.getTime();
  const fraction = Math.min(1, Math.max(0, covered / span));
  const lagSeconds = Math.max(0, Math.round((now.getTime() - connection.reachedAt.getTime()) / 1000));
  // The pace so far (history read per second of wall time) predicts the rest.
  const elapsed = now.getTime() - connection.createdAt.getTime();
  const etaSeconds = fraction >= 1 || covered <= 0 || elapsed <= 0 ? null : Math.round(((span - covered) / (covered / elapsed)) / 1000);
  return { fraction, lagSeconds, etaSeconds };
}
