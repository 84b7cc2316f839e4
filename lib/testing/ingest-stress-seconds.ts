/**
 * How long the concurrent-ingest test hammers each database: 30 s as issue 17 asks; shorter for a
 * quick local run (`INGEST_STRESS_SECONDS=5 npx vitest run lib/ingest/concurrent-ingest.test.ts`).
 */
export const INGEST_STRESS_SECONDS = Number(process.env.INGEST_STRESS_SECONDS ?? 30);
