import { beforeAll, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch, type IngestBatch } from "@/lib/ingest/record-schemas";
import { describeEachDatabase, type TestDatabase } from "@/lib/testing/test-databases";

import type { AlertRuleInput } from "./alert-rules";
import { evaluateAlerts } from "./evaluate-alerts";
import { createAlertRule } from "./manage-alert-rules";

const ORIGIN = "https://deskpulse.example";

async function store(db: TestDatabase, batch: IngestBatch) {
  const parsed = parseIngestBatch(JSON.parse(JSON.stringify(batch)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await ingestBatch(db.prisma, parsed.batch);
}

/** `count` CSAT answers at `at`, all satisfied (5) or all not (1), for team A. */
const answers = (at: string, count: number, good: boolean) =>
  Array.from({ length: count }, (_, i) => ({ externalId: `S-${at}-${i}`, kind: "csat" as const, score: good ? 5 : 1, team: "A", respondedAt: at }));

async function setUp(db: TestDatabase, timeZone: string) {
  await db.prisma.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone, minSampleSize: 1 }, update: { timeZone, minSampleSize: 1 } });
  await store(db, { teams: [{ externalId: "A", name: "Alpha" }] });
  const channels = await Promise.all(["Ops email", "Ops Slack"].map((name) => db.prisma.notificationChannel.create({ data: { kind: "webhook", name, secretsSealed: "" } })));
  const manager = await db.prisma.user.create({ data: { email: `m-${timeZone}@example.com`, name: "Mia Manager", role: "manager" } });
  return { channelIds: channels.map((c) => c.id), manager };
}

const csatRule = (channelIds: number[], extra: Partial<AlertRuleInput> = {}): AlertRuleInput => ({
  name: "CSAT dip", kind: "kpi", kpiKey: "csat", team: "A", window: "last_15_minutes", condition: "threshold", threshold: "80",
  holdMinutes: 10, channelIds: channelIds.map(String), notifyManagers: true, ...extra,
});

const minute = (start: string, m: number) => new Date(new Date(start).getTime() + m * 60_000);

describeEachDatabase("alert evaluation over ingested records", ({ db }) => {
  let channelIds: number[];
  let managerId: number;
  beforeAll(async () => {
    ({ channelIds, manager: { id: managerId } } = await setUp(db(), "UTC"));
    // CSAT of team A over the last 15 minutes, judged every minute from 09:00 against 80 %:
    // bad 09:02–09:04 (3 min), good until 09:10, bad from 09:11, good 09:23–09:25 (3 min), bad
    // 09:26–09:40, good from 09:41. With a 10-minute hold: fires at 09:21, resolves at 09:51.
    await store(db(), {
      surveys: [
        ...answers("2026-12-07T08:50:00Z", 4, true), ...answers("2026-12-07T09:01:00Z", 2, false),
        ...answers("2026-12-07T09:04:00Z", 10, true), ...answers("2026-12-07T09:10:00Z", 10, false),
        ...answers("2026-12-07T09:22:00Z", 50, true), ...answers("2026-12-07T09:25:00Z", 20, false),
        ...answers("2026-12-07T09:40:00Z", 5, true),
      ],
    });
  });

  test("crossing, re-crossing for less than the hold, then staying: one firing, later one resolution", async () => {
    const ruleId = await createAlertRule(db(), csatRule(channelIds), new Date("2026-12-07T08:59:00Z"));
    const timeline: string[] = [];
    for (let m = 0; m <= 55; m++) {
      const outcome = await evaluateAlerts(db().prisma, { now: minute("2026-12-07T09:00:00Z", m), minIntervalMs: 0, origin: ORIGIN });
      if (outcome.fired) timeline.push(`fired 09:${String(m).padStart(2, "0")}`);
      if (outcome.resolved) timeline.push(`resolved 09:${String(m).padStart(2, "0")}`);
    }
    expect(timeline).toEqual(["fired 09:21", "resolved 09:51"]);

    const events = await db().prisma.alertEvent.findMany({ where: { ruleId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ firedAt: new Date("2026-12-07T09:21:00Z"), firedValue: 0, resolvedAt: new Date("2026-12-07T09:51:00Z"), resolvedValue: 100, suppressed: false });

    const outbox = await db().prisma.notificationDelivery.findMany({ where: { source: `alert:${ruleId}` }, orderBy: { id: "asc" } });
    expect(outbox.map((d) => [d.channelId, (d.message as { title: string }).title])).toEqual([
      [channelIds[0], "Customer satisfaction (Alpha) is 0.0%, worse than 80.0% for 10 min"],
      [channelIds[1], "Customer satisfaction (Alpha) is 0.0%, worse than 80.0% for 10 min"],
      [channelIds[0], "Customer satisfaction (Alpha) is back to 100.0%"],
      [channelIds[1], "Customer satisfaction (Alpha) is back to 100.0%"],
    ]);
    expect((outbox[0]!.message as { link: string }).link).toBe(`${ORIGIN}/kpis/csat?preset=today&team=A`);

    const bell = await db().prisma.notification.findMany({ where: { userId: managerId }, orderBy: { id: "asc" } });
    expect(bell.map((n) => [n.text, n.href])).toEqual([
      ["Customer satisfaction (Alpha) is 0.0%, worse than 80.0% for 10 min", "/kpis/csat?preset=today&team=A"],
      ["Customer satisfaction (Alpha) is back to 100.0%", "/kpis/csat?preset=today&team=A"],
    ]);
  });

  test("too few records for a rate gives no verdict: the rule does not fire", async () => {
    await db().prisma.orgSettings.update({ where: { id: 1 }, data: { minSampleSize: 1000 } });
    const ruleId = await createAlertRule(db(), csatRule(channelIds, { name: "Thin", holdMinutes: 0 }), new Date("2026-12-07T09:00:00Z"));
    await evaluateAlerts(db().prisma, { now: new Date("2026-12-07T09:30:00Z"), minIntervalMs: 0, origin: ORIGIN });
    expect(await db().prisma.alertRule.findUniqueOrThrow({ where: { id: ruleId } })).toMatchObject({ state: "ok", lastValue: expect.closeTo(71.4, 1) });
    await db().prisma.orgSettings.update({ where: { id: 1 }, data: { minSampleSize: 1 } });
    await db().prisma.alertRule.delete({ where: { id: ruleId } });
  });

  test("two evaluators racing record one firing and queue one message per channel", async () => {
    const now = new Date("2026-12-07T09:30:00Z");
    const race = (name: string, minIntervalMs?: number) => async () => {
      const ruleId = await createAlertRule(db(), csatRule(channelIds, { name, holdMinutes: 0 }), new Date("2026-12-07T09:00:00Z"));
      await Promise.all([1, 2].map(() => evaluateAlerts(db().prisma, { now, minIntervalMs, origin: ORIGIN })));
      expect(await db().prisma.alertEvent.count({ where: { ruleId } })).toBe(1);
      expect(await db().prisma.notificationDelivery.count({ where: { source: `alert:${ruleId}` } })).toBe(channelIds.length);
    };
    // The timer on two servers: the claim lets one evaluate.
    await race("Timer race")();
    // "Check now" racing another (no claim interval): both evaluate, the state's compare-and-set records one firing.
    await race("Check-now race", 0)();
  });
});

describeEachDatabase("alert quiet hours", ({ db }) => {
  test("across midnight on Berlin's spring-forward night: history advances, channels hear only when quiet ends", async () => {
    const { channelIds, manager } = await setUp(db(), "Europe/Berlin");
    // Saturday 28 March 2026, 22:20 CET: five unhappy customers; 22:36 ten happy ones.
    await store(db(), { surveys: [...answers("2026-03-28T21:20:00Z", 5, false), ...answers("2026-03-28T21:36:00Z", 10, true)] });
    const quiet = { quietStart: "22:00", quietEnd: "07:00", quietDays: ["6"] };
    const created = new Date("2026-03-28T21:00:00Z");
    // The four-hour CSAT stays bad all night; the 15-minute one recovers at 22:40 and resolves.
    const overnight = await createAlertRule(db(), csatRule(channelIds, { name: "Overnight", window: "last_4_hours", holdMinutes: 0, ...quiet }), created);
    const brief = await createAlertRule(db(), csatRule(channelIds, { name: "Brief", holdMinutes: 0, ...quiet }), created);
    const at = (iso: string) => evaluateAlerts(db().prisma, { now: new Date(iso), minIntervalMs: 0, origin: ORIGIN });

    expect(await at("2026-03-28T21:30:00Z")).toMatchObject({ fired: 2, queued: 0 }); // 22:30 CET
    expect(await at("2026-03-28T21:40:00Z")).toMatchObject({ resolved: 1, queued: 0 }); // 22:40: Brief resolves
    expect(await at("2026-03-29T04:59:00Z")).toMatchObject({ queued: 0 }); // 06:59 CEST, still quiet
    expect(await db().prisma.notificationDelivery.count()).toBe(0);
    // 07:00 CEST is 05:00Z on this day (06:00Z the day before): quiet hours end by the local clock.
    expect(await at("2026-03-29T05:00:00Z")).toMatchObject({ queued: 1 });

    const outbox = await db().prisma.notificationDelivery.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((d) => [d.source, d.channelId])).toEqual([[`alert:${overnight}`, channelIds[0]], [`alert:${overnight}`, channelIds[1]]]);
    const message = outbox[0]!.message as { title: string; sections: { rows: { detail: string }[] }[] };
    expect(message.title).toBe("Customer satisfaction (Alpha) is 0.0%, worse than 80.0%");
    expect(message.sections[0]!.rows[0]!.detail).toBe("Since 22:30 · held by quiet hours until 07:00");

    const events = await db().prisma.alertEvent.findMany({ orderBy: { ruleId: "asc" } });
    expect(events.map((e) => [e.ruleId, e.suppressed, e.resolvedAt !== null, e.fireSentAt !== null])).toEqual([
      [overnight, true, false, true],
      [brief, true, true, false], // fired and resolved overnight: history only, never sent
    ]);
    // The bell is in the app, not a channel: it heard at once.
    expect(await db().prisma.notification.count({ where: { userId: manager.id } })).toBe(3);
  });

  test("an SLA-at-risk rule fires when more tickets than its limit are breached or due within the horizon", async () => {
    await db().prisma.slaPolicy.create({ data: { priority: "high", firstResponseSeconds: 3600, firstResponseHours: "calendar" } });
    const open = (id: string, createdAt: string) => ({ externalId: id, channel: "email" as const, team: "A", priority: "high" as const, status: "open" as const, createdAt });
    // At 12:00Z: T1 breached (due 11:00), T2 due 12:30, T3 due 13:30 (beyond the hour), T4 answered.
    await store(db(), {
      tickets: [open("T1", "2026-03-30T10:00:00Z"), open("T2", "2026-03-30T11:30:00Z"), open("T3", "2026-03-30T12:30:00Z"),
        { ...open("T4", "2026-03-30T11:00:00Z"), firstResponseAt: "2026-03-30T11:05:00Z" }],
    });
    const rule = (moreThan: string) => ({ name: `More than ${moreThan}`, kind: "sla_at_risk" as const, moreThan, horizonMinutes: "60", team: "A", window: "today" as const, holdMinutes: 0, channelIds: [] });
    const two = await createAlertRule(db(), rule("2"), new Date("2026-03-30T11:59:00Z"));
    const one = await createAlertRule(db(), rule("1"), new Date("2026-03-30T11:59:00Z"));
    await evaluateAlerts(db().prisma, { now: new Date("2026-03-30T12:00:00Z"), minIntervalMs: 0, origin: ORIGIN });
    const rules = await db().prisma.alertRule.findMany({ where: { id: { in: [one, two] } }, orderBy: { id: "asc" } });
    expect(rules.map((r) => [r.id, r.state, r.lastValue])).toEqual([[two, "ok", 2], [one, "firing", 2]]);
  });
});
