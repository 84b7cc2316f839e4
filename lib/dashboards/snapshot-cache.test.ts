import { expect, test } from "vitest";

import { markSnapshotStale } from "./load-dashboard";
import { SnapshotBusyError, SnapshotCache } from "./snapshot-cache";

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
  const cache = new SnapshotCache<number>({ maxEntries: 3 });
  for (const key of ["a", "b", "c", "d"]) await cache.get(key, INTERVAL, async () => 1, 0);
  let recomputed = false;
  await cache.get("a", INTERVAL, async () => ((recomputed = true), 2), 0);
  expect(recomputed).toBe(true);
});

/** A computation that finishes when the test says so. */
function gate<T>() {
  let open!: (value: T) => void;
  const done = new Promise<T>((resolve) => (open = resolve));
  return { done, open };
}

test("distinct computations run at most `concurrency` at a time; the rest wait their turn", async () => {
  const cache = new SnapshotCache<number>({ concurrency: 2, maxQueued: 100 });
  let active = 0;
  let most = 0;
  const compute = (n: number) => async () => {
    most = Math.max(most, ++active);
    await new Promise((resolve) => setTimeout(resolve, 10));
    active--;
    return n;
  };
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => cache.get(`filters-${i}`, INTERVAL, compute(i), 0)));
  expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  expect(most).toBe(2);
  expect(cache.computations).toBe(8);
});

test("beyond the queue's bound a new computation is refused with a retry time, not queued", async () => {
  const cache = new SnapshotCache<number>({ concurrency: 1, maxQueued: 2 });
  const running = gate<number>();
  const first = cache.get("a", INTERVAL, () => running.done, 0);
  const queued = [cache.get("b", INTERVAL, async () => 2, 0), cache.get("c", INTERVAL, async () => 3, 0)];
  expect(cache.load).toEqual({ running: 1, queued: 2 });
  await expect(cache.get("d", INTERVAL, async () => 4, 0)).rejects.toEqual(new SnapshotBusyError(15));
  // Joining a computation already queued is no new work, so it is not refused.
  const joined = cache.get("b", INTERVAL, async () => -1, 0);
  running.open(1);
  expect(await Promise.all([first, ...queued, joined])).toEqual([1, 2, 3, 2]);
});

test("a viewer who would wait beyond one interval gets the last good value marked stale; the next poll gets the fresh one", async () => {
  const interval = 40;
  const cache = new SnapshotCache<{ n: number; stale?: boolean }>({ markStale: (value) => ({ ...value, stale: true }) });
  await cache.get("k", interval, async () => ({ n: 1 }), 0);
  const slow = gate<{ n: number }>();
  const started = Date.now();
  expect(await cache.get("k", interval, () => slow.done, interval)).toEqual({ n: 1, stale: true });
  expect(Date.now() - started).toBeGreaterThanOrEqual(interval - 5);
  // Still running: a second viewer joins it (no second computation) and also gets the stale value.
  expect(await cache.get("k", interval, async () => ({ n: -1 }), interval + 1)).toEqual({ n: 1, stale: true });
  expect(cache.computations).toBe(2);
  slow.open({ n: 2 });
  await slow.done;
  expect(await cache.get("k", interval, async () => ({ n: -1 }), interval + 2)).toEqual({ n: 2 });
});

test("a fresh computation that arrives within the interval is not marked stale", async () => {
  const cache = new SnapshotCache<{ n: number; stale?: boolean }>({ markStale: (value) => ({ ...value, stale: true }) });
  await cache.get("k", INTERVAL, async () => ({ n: 1 }), 0);
  expect(await cache.get("k", INTERVAL, async () => ({ n: 2 }), INTERVAL)).toEqual({ n: 2 });
});

test("after clear (an ingest) the same interval recomputes, and does not join a computation begun before it", async () => {
  const cache = new SnapshotCache<string>();
  const before = gate<string>();
  const old = cache.get("k", INTERVAL, () => before.done, 0);
  cache.clear();
  const fresh = cache.get("k", INTERVAL, async () => "after", 1);
  before.open("before");
  expect(await Promise.all([old, fresh])).toEqual(["before", "after"]);
  // The older run finishing later does not replace the newer value.
  expect(await cache.get("k", INTERVAL, async () => "again", 2)).toBe("after");
  expect(cache.computations).toBe(2);
});

test("a stale snapshot says so in its data and in an ETag of its own, so a 304 cannot hide it", () => {
  const fresh = { data: { computedAt: "2026-01-01T00:00:00Z", window: { from: "", to: "", timeZone: "UTC" }, widgets: {}, awards: [] }, etag: 'W/"abc"' };
  expect(markSnapshotStale(fresh)).toEqual({ data: { ...fresh.data, stale: true }, etag: 'W/"abc-stale"' });
  expect(fresh.data).not.toHaveProperty("stale");
});

test("a busy refusal is recognised by its code, as another bundle's copy of the class would be", () => {
  const foreign = Object.assign(new Error("too many dashboard computations are waiting"), { code: "snapshot_busy", retryAfterSeconds: 15 });
  expect(SnapshotBusyError.is(foreign)).toBe(true);
  expect(SnapshotBusyError.is(new SnapshotBusyError(15))).toBe(true);
  expect(SnapshotBusyError.is(new Error("database down"))).toBe(false);
});
