import { expect, test } from "vitest";

import { SnapshotCache } from "./snapshot-cache";

const INTERVAL = 15_000;

test("viewers polling one key in one interval share a single computation, even while it runs", async () => {
  const cache = new SnapshotCache<number>();
  let runs = 0;
  const compute = async () => {
    runs++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return runs;
  };
  const t = 1_000_000 * INTERVAL;
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) => cache.get("overview", INTERVAL, compute, t + i * 100)));
  expect(new Set(results)).toEqual(new Set([1]));
  expect(runs).toBe(1);
  // The next interval computes again, once; another key is its own computation.
  await Promise.all([cache.get("overview", INTERVAL, compute, t + INTERVAL), cache.get("overview", INTERVAL, compute, t + INTERVAL + 5)]);
  await cache.get("other", INTERVAL, compute, t);
  expect(runs).toBe(3);
});

test("a failed computation is forgotten, so the next poll retries instead of serving the failure", async () => {
  const cache = new SnapshotCache<string>();
  let attempt = 0;
  const compute = async () => {
    attempt++;
    if (attempt === 1) throw new Error("database down");
    return "ok";
  };
  await expect(cache.get("k", INTERVAL, compute, 0)).rejects.toThrow("database down");
  await expect(cache.get("k", INTERVAL, compute, 1)).resolves.toBe("ok");
});

test("the cache holds a bounded number of keys, dropping the oldest", async () => {
  const cache = new SnapshotCache<number>(3);
  for (const key of ["a", "b", "c", "d"]) await cache.get(key, INTERVAL, async () => 1, 0);
  let recomputed = false;
  await cache.get("a", INTERVAL, async () => ((recomputed = true), 2), 0);
  expect(recomputed).toBe(true);
});
