import pLimit, { type LimitFunction } from "p-limit";

/** Refused rather than queued: more distinct computations wait than the process will hold. */
export class SnapshotBusyError extends Error {
  readonly code = "snapshot_busy";

  constructor(readonly retryAfterSeconds: number) {
    super("too many dashboard computations are waiting");
  }

  /**
   * By its code, not `instanceof`: the cache lives on globalThis and was made by whichever Next
   * bundle came first, so its errors may be another bundle's copy of this class.
   */
  static is(error: unknown): error is SnapshotBusyError {
    return error instanceof Error && (error as { code?: unknown }).code === "snapshot_busy";
  }
}

export interface SnapshotCacheOptions<T> {
  /** Keys remembered, oldest dropped first. */
  maxEntries?: number;
  /** Distinct computations running at once in this process; the others wait their turn. */
  concurrency?: number;
  /** Computations allowed to wait for a turn; beyond it a viewer gets the last good value or a SnapshotBusyError. */
  maxQueued?: number;
  /** How a value served after its interval, because the fresh one is late, says so. */
  markStale?: (value: T) => T;
}

interface Run<T> {
  value: Promise<T>;
  /** The polling interval it started in: it is fresh for the polls of that interval. */
  bucket: number;
  /** The data version it started at: an ingest or import after that makes it out of date. */
  version: number;
}

interface Entry<T> {
  /** The last computation that succeeded, kept to answer, marked stale, when the next one is late. */
  settled?: Run<T> & { result: T };
  running?: Run<T>;
}

/**
 * One computation per key and polling interval, shared by every caller: the first viewer of a
 * dashboard in an interval computes it, everyone else polling in that interval gets the same
 * result. Distinct keys compute at most `concurrency` at a time, so a burst of viewers with
 * different filters queues instead of running all at once; a viewer who would wait longer than
 * one interval gets the key's last good value marked stale instead (the computation goes on and
 * serves the next poll). An ingest calls `clear`, after which nothing computed before counts
 * as fresh. A failed computation is not remembered, so the next poll retries. In process and per
 * server (docs/dashboards.md).
 */
export class SnapshotCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly limit: LimitFunction;
  private readonly maxEntries: number;
  private readonly maxQueued: number;
  private readonly markStale: (value: T) => T;
  private version = 0;
  computations = 0;

  constructor({ maxEntries = 1_000, concurrency = 4, maxQueued = 32, markStale = (value) => value }: SnapshotCacheOptions<T> = {}) {
    this.limit = pLimit(concurrency);
    this.maxEntries = maxEntries;
    this.maxQueued = maxQueued;
    this.markStale = markStale;
  }

  /** Computations running now and waiting for a turn. */
  get load(): { running: number; queued: number } {
    return { running: this.limit.activeCount, queued: this.limit.pendingCount };
  }

  /**
   * After an ingest, an import or a target change: every value computed so far is out of date,
   * so the next poll of each key recomputes at once. The values stay, as the stale fallback only.
   */
  clear(): void {
    this.version++;
  }

  async get(key: string, intervalMs: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const bucket = Math.floor(now / intervalMs);
    const entry = this.entries.get(key) ?? {};
    const { settled } = entry;
    if (settled && settled.bucket === bucket && settled.version === this.version) return settled.result;

    // A computation of the current data still running (even one begun last interval) is newer
    // than anything settled: join it rather than start a second.
    let running = entry.running?.version === this.version ? entry.running : undefined;
    if (!running) {
      if (this.limit.pendingCount >= this.maxQueued) {
        if (settled) return this.markStale(settled.result);
        throw new SnapshotBusyError(Math.ceil(intervalMs / 1000));
      }
      running = this.start(key, entry, bucket, compute);
    }
    if (!settled) return running.value;
    return this.withinInterval(running.value, intervalMs, () => this.markStale(settled.result));
  }

  private start(key: string, entry: Entry<T>, bucket: number, compute: () => Promise<T>): Run<T> {
    this.computations++;
    const run: Run<T> = { value: this.limit(compute), bucket, version: this.version };
    entry.running = run;
    // Most recently computed last: Map keeps insertion order, so the oldest key is dropped first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    run.value.then(
      (result) => {
        if (entry.running === run) entry.running = undefined;
        const last = entry.settled;
        // Runs may finish out of order; the one begun on the newest data and interval is kept.
        if (!last || run.version > last.version || (run.version === last.version && run.bucket >= last.bucket)) entry.settled = { ...run, result };
      },
      () => {
        if (entry.running === run) entry.running = undefined;
      },
    );
    return run;
  }

  /** The computation's result if it arrives within one interval, else the fallback. */
  private async withinInterval(value: Promise<T>, intervalMs: number, fallback: () => T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback()), intervalMs);
    });
    try {
      return await Promise.race([value, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
