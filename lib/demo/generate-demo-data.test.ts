import { createHash } from "node:crypto";

import { describe, expect, test } from "vitest";

import { DEMO_TIME_ZONE } from "./demo-roster";
import { generateDemoDays, type DemoDay, type DemoOptions } from "./generate-demo-data";

const OPTIONS: DemoOptions = {
  seed: 7,
  now: new Date("2026-03-15T10:30:00Z"),
  days: 21,
  tickets: 2_000,
  timeZone: DEMO_TIME_ZONE,
};

function fingerprint(options: DemoOptions): string {
  const hash = createHash("sha256");
  for (const day of generateDemoDays(options)) hash.update(JSON.stringify(day));
  return hash.digest("hex");
}

function collect(options: DemoOptions): DemoDay {
  const all: DemoDay = { tickets: [], messages: [], calls: [], surveys: [], kbViews: [], statuses: [] };
  for (const day of generateDemoDays(options)) {
    for (const key of Object.keys(all) as (keyof DemoDay)[]) (all[key] as unknown[]).push(...day[key]);
  }
  return all;
}

describe("demo data generator", () => {
  test("is deterministic: the same seed and end give identical data, another seed different data", () => {
    expect(fingerprint(OPTIONS)).toBe(fingerprint({ ...OPTIONS }));
    expect(fingerprint({ ...OPTIONS, seed: 8 })).not.toBe(fingerprint(OPTIONS));
  });

  test("produces a believable history that never reaches past `now`", () => {
    const data = collect(OPTIONS);
    const now = OPTIONS.now.getTime();
    expect(data.tickets.length).toBeGreaterThan(1_600);
    expect(data.tickets.length).toBeLessThan(2_400);
    const instants = [
      ...data.tickets.flatMap((t) => [t.createdAt, t.firstResponseAt, t.resolvedAt]),
      ...data.messages.map((m) => m.createdAt),
      ...data.calls.flatMap((c) => [c.queuedAt, c.answeredAt, c.endedAt]),
      ...data.surveys.map((s) => s.respondedAt),
      ...data.statuses.map((s) => s.at),
    ].filter((d): d is Date => d !== null);
    expect(instants.every((d) => d.getTime() < now)).toBe(true);

    // Every channel, ordered timestamps, private notes and reopens all occur.
    expect(new Set(data.tickets.map((t) => t.channel))).toEqual(new Set(["email", "chat", "phone", "social", "web"]));
    for (const t of data.tickets) {
      if (t.firstResponseAt) expect(t.firstResponseAt.getTime()).toBeGreaterThanOrEqual(t.createdAt.getTime());
      if (t.resolvedAt) expect(t.resolvedAt.getTime()).toBeGreaterThanOrEqual(t.firstResponseAt!.getTime());
    }
    expect(data.messages.some((m) => !m.public)).toBe(true);
    expect(data.tickets.some((t) => t.reopens > 0)).toBe(true);

    // Calls: answered, abandoned in the queue, and ended before queueing (not offered) all occur.
    expect(data.calls.some((c) => c.answeredAt && c.queuedAt)).toBe(true);
    expect(data.calls.some((c) => c.queuedAt && !c.answeredAt && c.endedAt)).toBe(true);
    expect(data.calls.some((c) => !c.queuedAt && !c.answeredAt)).toBe(true);

    // Surveys stay on their scales; every kind is present (eNPS from the monthly pulse).
    const scales = { csat: [1, 5], ces: [1, 5], nps: [0, 10], enps: [0, 10] } as const;
    for (const s of data.surveys) {
      expect(s.score).toBeGreaterThanOrEqual(scales[s.kind][0]);
      expect(s.score).toBeLessThanOrEqual(scales[s.kind][1]);
    }
    expect(new Set(data.surveys.map((s) => s.kind))).toEqual(new Set(["csat", "nps", "ces", "enps"]));
  });

  test("weekdays are busier than weekends", () => {
    const data = collect({ ...OPTIONS, days: 28, tickets: 6_000 });
    const weekday = (d: Date) => new Date(d.toLocaleString("en-US", { timeZone: DEMO_TIME_ZONE })).getDay();
    const weekend = data.tickets.filter((t) => [0, 6].includes(weekday(t.createdAt))).length / 8;
    const workday = data.tickets.filter((t) => ![0, 6].includes(weekday(t.createdAt))).length / 20;
    expect(workday).toBeGreaterThan(weekend * 1.8);
  });
});
