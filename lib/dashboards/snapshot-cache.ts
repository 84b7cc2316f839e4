/**
 * Shares one computation per key and polling interval among every caller: the first viewer of a
 * dashboard in an interval computes it, everyone else polling in the same interval (arriving while
 * it runs or after) gets the same promise. A failed computation is forgotten so the next poll
 * retries. In process and per server: with several servers each computes once per interval
 * (docs/dashboards.md says what replaces it there).
 */
export class SnapshotCache<T> {
  private readonly entries = new Map<string, { bucket: number; value: Promise<T> }>();
  computations = 0;

  constructor(private readonly maxEntries = 1_000) {}

  /** Forget everything: after an import or a target change, the next poll recomputes at once. */
  clear(): void {
    this.entries.clear();
  }

  get(key: string, intervalMs: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const bucket = Math.floor(now / intervalMs);
    const hit = this.entries.get(key);
    if (hit && hit.bucket === bucket) return hit.value;
    this.computations++;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { bucket, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // Oldest first: Map keeps insertion order, and a refreshed key was re-inserted above.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
