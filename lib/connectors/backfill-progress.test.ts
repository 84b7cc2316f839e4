import { expect, test } from "vitest";

import { backfillProgress } from "./backfill-progress";

const now = new Date("2026-03-01T12:00:00Z");

test("half of the history read in ten minutes is done in ten more", () => {
  const since = new Date(now.getTime() - 100 * 86_400_000);
  const reachedAt = new Date(since.getTime() + 50 * 86_400_000);
  const createdAt = new Date(now.getTime() - 600_000);
  expect(backfillProgress({ since, reachedAt, createdAt }, now)).toEqual({ fraction: 0.5, lagSeconds: 50 * 86_400, etaSeconds: 600 });
});

test("nothing read yet has no progress, lag or estimate; caught up has no estimate", () => {
  const since = new Date("2026-01-01T00:00:00Z");
  expect(backfillProgress({ since, reachedAt: null, createdAt: since }, now)).toEqual({ fraction: 0, lagSeconds: null, etaSeconds: null });
  expect(backfillProgress({ since, reachedAt: now, createdAt: since }, now)).toEqual({ fraction: 1, lagSeconds: 0, etaSeconds: null });
});
