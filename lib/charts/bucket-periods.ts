export type ChartBucket = "hour" | "day" | "week";

const LENGTH_MS: Record<ChartBucket, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The bucket `now` falls in, which has not finished: its value is "so far", so a chart marks it
 * instead of plotting it as a drop. Buckets are starts as local ISO with offset; a bucket ends
 * where the next starts, the last one a bucket's length later. Null when every bucket is over.
 */
export function runningBucketIndex(buckets: readonly string[], bucket: ChartBucket, now: Date): number | null {
  const at = now.getTime();
  for (let i = 0; i < buckets.length; i++) {
    const start = Date.parse(buckets[i]!);
    const end = i + 1 < buckets.length ? Date.parse(buckets[i + 1]!) : start + LENGTH_MS[bucket];
    if (start <= at && at < end) return i;
  }
  return null;
}

/**
 * A series cut at the running bucket: `settled` holds the finished buckets, `running` only the
 * last finished one and the running one, so the two lines meet and the running stretch can be
 * drawn dashed. With no running bucket everything is settled.
 */
export function splitRunningBucket<T>(points: readonly (T | null)[], running: number | null): { settled: (T | null)[]; running: (T | null)[] } {
  if (running === null) return { settled: [...points], running: points.map(() => null) };
  return {
    settled: points.map((p, i) => (i < running ? p : null)),
    running: points.map((p, i) => (i === running || i === running - 1 ? p : null)),
  };
}

/** The wall-clock parts of a local ISO key ("2026-12-01T14:00:00+01:00"), without converting zones. */
function parts(key: string) {
  const [y, m, d] = [Number(key.slice(0, 4)), Number(key.slice(5, 7)), Number(key.slice(8, 10))];
  return { weekday: WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!, day: d, month: MONTHS[m - 1]!, time: key.slice(11, 16) };
}

/** A bucket's short axis label: the hour for hourly buckets, "1 Dec" otherwise. */
export function bucketLabel(key: string, bucket: ChartBucket): string {
  const p = parts(key);
  return bucket === "hour" ? p.time : `${p.day} ${p.month}`;
}

/** The period a bucket covers, as a tooltip names it: "Tue 1 Dec, 14:00–15:00", "Tue 1 Dec", "Week of Mon 30 Nov". */
export function bucketPeriod(key: string, bucket: ChartBucket, nextKey?: string): string {
  const p = parts(key);
  const date = `${p.weekday} ${p.day} ${p.month}`;
  if (bucket === "day") return date;
  if (bucket === "week") return `Week of ${date}`;
  const end = nextKey ? parts(nextKey).time : `${String((Number(p.time.slice(0, 2)) + 1) % 24).padStart(2, "0")}:${p.time.slice(3)}`;
  return `${date}, ${p.time}–${end}`;
}
