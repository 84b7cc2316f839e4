import { expect, test } from "vitest";

import { ShortLivedCache, sharedShortLivedCache } from "./short-lived-cache";

const db = {};

test("a lookup is made once while it lasts, shared by callers arriving while it runs", async () => {
  const cache = new ShortLivedCache<number>();
  let loads = 0;
  const load = async () => {
    loads++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return 7;
  };
  expect(await Promise.all([cache.get(db, "k", load), cache.get(db, "k", load), cache.get(db, "k", load)])).toEqual([7, 7, 7]);
  expect(await cache.get(db, "k", load)).toBe(7);
  expect(loads).toBe(1);
});

test("an entry expires after the TTL, and clear forgets at once", async () => {
  const cache = new ShortLivedCache<string>({ ttlMs: 30 });
  let version = 0;
  const load = async () => `v${++version}`;
  expect(await cache.get(db, "k", load)).toBe("v1");
  expect(await cache.get(db, "k", load)).toBe("v1");
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await cache.get(db, "k", load)).toBe("v2");
  cache.clear();
  expect(await cache.get(db, "k", load)).toBe("v3");
});

test("a failed lookup is not remembered", async () => {
  const cache = new ShortLivedCache<string>();
  await expect(cache.get(db, "k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
  expect(await cache.get(db, "k", async () => "up")).toBe("up");
});

test("what one database said is not the answer for another", async () => {
  const cache = new ShortLivedCache<string>();
  expect(await cache.get({}, "user:1", async () => "Ann")).toBe("Ann");
  expect(await cache.get({}, "user:1", async () => "Bo")).toBe("Bo");
});

test("a shared cache is one per name in the process", () => {
  expect(sharedShortLivedCache("test-a")).toBe(sharedShortLivedCache("test-a"));
  expect(sharedShortLivedCache("test-a")).not.toBe(sharedShortLivedCache("test-b"));
});
