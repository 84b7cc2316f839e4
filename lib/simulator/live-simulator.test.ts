import { TZDate } from "@date-fns/tz";
import { describe, expect, test } from "vitest";

import { DEMO_QUEUES, DEMO_TEAMS, DEMO_TIME_ZONE } from "@/lib/demo/demo-roster";
import { demoHourlyVolume, generateDemoDays } from "@/lib/demo/generate-demo-data";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { IngestBatch } from "@/lib/ingest/record-schemas";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { LiveSimulator } from "./live-simulator";

/** Tuesday 10 March 2026, 10:00 in Copenhagen: the morning peak of a busy weekday. */
const TUESDAY_TEN = Date.parse("2026-03-10T09:00:00Z");
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function run(simulator: LiveSimulator, start: number, minutes: number, stepMs = SECOND): IngestBatch[] {
  const batches: IngestBatch[] = [];
  for (let t = start; t <= start + minutes * MINUTE; t += stepMs) batches.push(simulator.tick(new Date(t)));
  return batches;
}

describe("live simulator pacing", () => {
  test("opens tickets and takes calls at the history's rate for the hour and weekday", () => {
    const history = { tickets: 300_000, days: 90 };
    const simulator = new LiveSimulator({ history, seed: 1 });
    const expected = demoHourlyVolume(history, 2, 10);
    expect(simulator.hourlyVolume(new Date(TUESDAY_TEN))).toEqual(expected);
    const batches = run(simulator, TUESDAY_TEN, 60);
    // Poisson counts: the standard deviation is ~5 % of the mean at this volume.
    expect(simulator.stats.tickets / 60).toBeGreaterThan((expected.tickets / 60) * 0.85);
    expect(simulator.stats.tickets / 60).toBeLessThan((expected.tickets / 60) * 1.15);
    expect(simulator.stats.calls / 60).toBeGreaterThan((expected.calls / 60) * 0.85);
    expect(simulator.stats.calls / 60).toBeLessThan((expected.calls / 60) * 1.15);
    const created = batches.flatMap((b) => b.tickets ?? []).filter((t) => t.status === "new").length;
    expect(created).toBeGreaterThan(0);

    // At 03:00 on a Sunday the same history is almost silent.
    const night = demoHourlyVolume(history, 0, 3);
    expect(night.tickets).toBeLessThan(expected.tickets / 50);
  });

  test("the hourly rate is the generator's: it matches the tickets the history has at that hour", () => {
    const history = { tickets: 20_000, days: 28 };
    let tuesdayTen = 0;
    let tuesdays = 0;
    const now = new Date(TUESDAY_TEN + 14 * 3_600_000);
    for (const day of generateDemoDays({ ...history, seed: 3, now, timeZone: DEMO_TIME_ZONE })) {
      const local = (d: Date) => new TZDate(d.getTime(), DEMO_TIME_ZONE);
      const first = day.tickets[0];
      if (!first || local(first.createdAt).getDay() !== 2) continue;
      tuesdays++;
      tuesdayTen += day.tickets.filter((t) => local(t.createdAt).getHours() === 10).length;
    }
    expect(tuesdays).toBe(4);
    const expected = demoHourlyVolume(history, 2, 10).tickets;
    // The rate is the history's at its end; the four Tuesdays sit a little lower on the growth trend.
    expect(tuesdayTen / tuesdays).toBeGreaterThan(expected * 0.75);
    expect(tuesdayTen / tuesdays).toBeLessThan(expected * 1.1);
  });

  test("names only the demo roster's agents, teams and queues, and sends no agents or teams of its own", () => {
    const simulator = new LiveSimulator({ history: { tickets: 30_000, days: 90 }, scale: 20, seed: 9 });
    const batches = run(simulator, TUESDAY_TEN, 30, 5 * SECOND);
    const roster = new Set(simulator.agentIds());
    expect(roster.size).toBe(DEMO_TEAMS.reduce((n, t) => n + t.agents, 0));
    const agents = batches.flatMap((b) => [
      ...(b.tickets ?? []).map((t) => t.assignee),
      ...(b.messages ?? []).map((m) => m.agent),
      ...(b.calls ?? []).map((c) => c.agent),
      ...(b.surveys ?? []).map((s) => s.agent),
      ...(b.agentStatus ?? []).map((s) => s.agent),
    ]).filter((a): a is string => a !== undefined);
    expect(agents.length).toBeGreaterThan(100);
    expect(agents.filter((a) => !roster.has(a))).toEqual([]);
    const teams = new Set<string>(DEMO_TEAMS.map((t) => t.externalId));
    const queues = new Set<string>(DEMO_QUEUES.map((q) => q.externalId));
    for (const b of batches) {
      expect(b.agents ?? []).toEqual([]);
      expect(b.teams ?? []).toEqual([]);
      for (const t of b.tickets ?? []) expect(teams.has(t.team!)).toBe(true);
      for (const c of b.calls ?? []) if (c.queue) expect(queues.has(c.queue)).toBe(true);
    }
    // At 10:00 on a weekday most agents are on shift from the first tick.
    const first = batches[0]!.agentStatus ?? [];
    expect(first).toHaveLength(roster.size);
    expect(first.filter((s) => s.status !== "offline").length).toBeGreaterThan(roster.size / 2);
  });
});

describeEachDatabase("live simulator", ({ db }) => {
  test("an hour of batches are all valid and store the whole life cycle", async () => {
    const { prisma } = db();
    const simulator = new LiveSimulator({ history: { tickets: 30_000, days: 90 }, scale: 10, seed: 42 });
    for (const batch of run(simulator, TUESDAY_TEN, 60, 10 * SECOND)) {
      const parsed = parseIngestBatch(batch);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      await ingestBatch(prisma, parsed.batch);
    }
    const [row] = await prisma.$queryRaw<Record<string, number>[]>`
      SELECT
        (SELECT count(*) FROM tickets WHERE first_response_at IS NOT NULL)::int AS responded,
        (SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL)::int AS resolved,
        (SELECT count(*) FROM messages WHERE author = 'agent')::int AS replies,
        (SELECT count(*) FROM calls WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL)::int AS answered,
        (SELECT count(*) FROM calls WHERE answered_at IS NULL AND ended_at IS NOT NULL)::int AS abandoned_or_lost,
        (SELECT count(*) FROM surveys)::int AS surveys,
        (SELECT count(*) FROM agent_status_events)::int AS statuses`;
    expect(simulator.stats.tickets).toBeGreaterThan(200);
    for (const [name, count] of Object.entries(row!)) expect(count, name).toBeGreaterThan(0);
    const [agents] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM agents`;
    expect(agents!.n).toBeLessThanOrEqual(simulator.agentIds().length);
  }, 120_000);
});
