/**
 * How much one KPI or dashboard request may ask for, shared by the KPI API, the dashboard API and
 * the dashboard pages' filters so that a URL valid in one is valid in the others.
 */
export const QUERY_LIMITS = {
  /** The longest window: a little over a year. */
  maxWindowDays: 400,
  /** Time buckets of one breakdown (2,000 hours is about 83 days). */
  maxBuckets: 2_000,
  /** Values of one repeatable filter (team, agent, queue). */
  maxFilterValues: 50,
  /** Characters of one filter value: an externalId is at most 200 (lib/ingest/record-schemas.ts). */
  maxFilterValueLength: 200,
} as const;

export const MAX_WINDOW_MS = QUERY_LIMITS.maxWindowDays * 86_400_000;
