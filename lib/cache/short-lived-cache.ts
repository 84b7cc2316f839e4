import { LRUCache } from "lru-cache";

/** How long the server trusts what it read about a credential or a dashboard without asking again. */
export const SHORT_LIVED_TTL_MS = 5_000;

/**
 * Remembers a lookup's promise for a few seconds, so that a poll repeated within them (every
 * viewer of a wall screen, every tab of a dashboard) asks the database nothing. Callers arriving
 * while a lookup runs share it; a failed lookup is forgotten at once so the next caller retries.
 * Whoever changes the underlying rows calls `clear`, which takes effect in this
 * process at once; another process sees the change when its entry expires, within the TTL.
 */
export class ShortLivedCache<T> {
  private readonly entries: LRUCache<string, { value: Promise<T> }>;
  loads = 0;

  constructor({ ttlMs = SHORT_LIVED_TTL_MS, max = 10_000 }: { ttlMs?: number; max?: number } = {}) {
    this.entries = new LRUCache({ max, ttl: ttlMs });
  }

  /** `source` is the database asked (its client): what one database said is no answer for another. */
  get(source: object, name: string, load: () => Promise<T>): Promise<T> {
    const key = `${sourceKeyOf(source)} ${name}`;
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    this.loads++;
    const entry = { value: load() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}

// On globalThis, not in a module: Next evaluates a module once per bundle (each route, each page,
// the server actions), and a change made by an action must reach the cache a route reads.
const holder = globalThis as typeof globalThis & {
  __deskpulseShortLivedCaches?: Map<string, ShortLivedCache<unknown>>;
  __deskpulseCacheSources?: { keys: WeakMap<object, number>; last: number };
};
const caches = (holder.__deskpulseShortLivedCaches ??= new Map());
const sources = (holder.__deskpulseCacheSources ??= { keys: new WeakMap(), last: 0 });

/** A number per database client, for keys that must not mix what two databases said (tests open several). */
export function sourceKeyOf(source: object): number {
  let key = sources.keys.get(source);
  if (key === undefined) sources.keys.set(source, (key = ++sources.last));
  return key;
}

/** The process's one cache of this name. */
export function sharedShortLivedCache<T>(name: string): ShortLivedCache<T> {
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new ShortLivedCache<T>()));
  return cache as ShortLivedCache<T>;
}
