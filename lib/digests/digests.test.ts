import { TZDate } from "@date-fns/tz";
import { beforeAll, expect, test } from "vitest";

import { createUser } from "@/lib/auth/users";
import type { NumberWidgetData } from "@/lib/dashboards/dashboard-data";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { getDashboard, loadDashboardSnapshot } from "@/lib/dashboards/load-dashboard";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { describeChange } from "@/lib/kpi/describe-change";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { ZNotificationMessage, type StoredNotificationMessage } from "@/lib/notifications/notification-message";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createDigest, sendDigestNow, ZDigestInput } from "./manage-digests";
import { claimDigestRun, runDueDigests } from "./run-due-digests";
import { digestFilters } from "./send-digest";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's size from its IHDR chunk, after checking the signature: what any decoder reads first. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Buffer.from(base64, "base64");
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describeEachDatabase("digests", ({ db }) => {
  const now = new Date();
  let emailChannel: number;
  let slackChannel: number;
  let people: { lead: { id: number; email: string }; manager: { id: number; email: string }; agent: { id: number; email: string } };

  beforeAll(async () => {
    const { prisma } = db();
    await prisma.team.createMany({ data: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }] });
    const alpha = await prisma.team.findUniqueOrThrow({ where: { externalId: "alpha" } });
    await prisma.agent.create({ data: { externalId: "a1", name: "Ann", teamId: alpha.id } });
    await ensureDefaultDashboard(prisma);
    const user = async (email: string, extra: object) => ({ id: (await createUser(prisma, { email, password: "correct-horse-battery", ...extra } as never)).id, email });
    people = {
      lead: await user("lead@example.com", { role: "team_lead", teams: ["alpha"] }),
      manager: await user("manager@example.com", { role: "manager" }),
      agent: await user("agent@example.com", { role: "agent", agent: "a1" }),
    };
    emailChannel = (await prisma.notificationChannel.create({ data: { kind: "email", name: "Mail", secretsSealed: "" } })).id;
    slackChannel = (await prisma.notificationChannel.create({ data: { kind: "slack", name: "#support", secretsSealed: "" } })).id;
    // Yesterday (the daily digest's period, in the organisation's zone, UTC here) and the day before.
    const local = new TZDate(now.getTime(), "UTC");
    const at = (daysBack: number, hour: number) => new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() - daysBack, hour)).toISOString();
    const ticket = (id: string, team: string, daysBack: number, hour: number, agent?: string) => ({
      externalId: id, channel: "email", team, status: "solved", createdAt: at(daysBack, hour), firstResponseAt: at(daysBack, hour + 1), resolvedAt: at(daysBack, hour + 2),
      ...(agent ? { assignee: agent } : {}),
    });
    const tickets = [
      ...[8, 9, 10, 11, 13].map((h) => ticket(`Y-A-${h}`, "alpha", 1, h, "a1")),
      ...[9, 10, 14].map((h) => ticket(`Y-B-${h}`, "beta", 1, h)),
      ...[9, 12].map((h) => ticket(`P-A-${h}`, "alpha", 2, h, "a1")),
    ];
    const parsed = parseIngestBatch({ tickets });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await ingestBatch(prisma, parsed.batch);
    await prisma.target.create({ data: { kpiKey: "ticket_volume", value: 10, warning: 6, critical: 2 } });
  }, 60_000);

  const digest = (input: Record<string, unknown>) =>
    createDigest(db().prisma, { ...ZDigestInput.parse({ dashboard: "service-overview", name: "Morning numbers", frequency: "daily", time: "08:00", ...input }), createdById: null }, now);

  const deliveries = async (id: number) =>
    (await db().prisma.notificationDelivery.findMany({ where: { source: `digest:${id}` }, orderBy: { id: "asc" } })).map((d) => ({
      channelId: d.channelId,
      emailTo: d.emailTo,
      message: ZNotificationMessage.parse(d.message) as StoredNotificationMessage,
    }));

  test("a due digest is claimed once when two runners race, and its next run moves to tomorrow's 08:00", async () => {
    const { prisma } = db();
    const id = await digest({ channels: [String(slackChannel)] });
    const due = new Date(now.getTime() - 60_000);
    await prisma.digest.update({ where: { id }, data: { nextRunAt: due } });
    const [first, second] = await Promise.all([runDueDigests(prisma, now), runDueDigests(prisma, now)]);
    expect([...first, ...second]).toEqual([id]);
    expect(await deliveries(id)).toHaveLength(1);
    const row = await prisma.digest.findUniqueOrThrow({ where: { id } });
    expect(row.nextRunAt > now).toBe(true);
    expect(new TZDate(row.nextRunAt.getTime(), "UTC").getHours()).toBe(8);
    expect(row.lastResult).toBe("Queued 1 message.");
    // A claim that read the old time loses: the row has moved on.
    expect(await claimDigestRun(prisma, id, due, new Date())).toBe(false);
    expect(await runDueDigests(prisma, now)).toEqual([]);
  });

  test("the queued message carries the snapshot's numbers: value, change and target gap, with valid PNG charts", async () => {
    const { prisma } = db();
    const id = await digest({ channels: [String(slackChannel)] });
    expect(await sendDigestNow(prisma, id, now)).toBe("Queued 1 message.");
    const [delivery] = await deliveries(id);
    expect(delivery!.channelId).toBe(slackChannel);
    expect(delivery!.emailTo).toEqual([]);
    const message = delivery!.message;
    expect(message.title).toMatch(/^Morning numbers: Service overview · /);

    const dashboard = (await getDashboard(prisma, "service-overview"))!;
    const snapshot = await loadDashboardSnapshot(prisma, dashboard, digestFilters("", "daily", now, "UTC")!, { kind: "all" });
    if (!snapshot.ok) throw new Error(snapshot.message);
    const rows = message.sections.flatMap((s) => s.rows);
    const cards = dashboard.widgets.filter((w) => w.config.kind === "kpi_number");
    expect(cards.length).toBeGreaterThan(0);
    for (const widget of cards) {
      const data = snapshot.snapshot.data.widgets[String(widget.id)] as NumberWidgetData;
      const row = rows.find((r) => r.label === widget.title)!;
      expect(row.value, widget.title).toBe(formatKpiValue(data.current.value, data.fact.unit));
      const change = describeChange(data.fact, data.current.value, data.previous?.value ?? null);
      if (change && !data.fact.live && !data.channelNote) expect(row.detail).toContain(`${change.arrow} ${change.amount} vs previous period`);
    }
    // Ticket volume: 8 yesterday against 2 the day before, target 10 → "Close", 2 short of it.
    const volume = rows.find((r) => r.label === "Tickets created")!;
    expect(volume).toMatchObject({ value: "8", tone: "warning" });
    expect(volume.detail).toBe("▲ 300% vs previous period · ~ Close · −2 to 10");

    expect(message.images.length).toBeGreaterThan(0);
    for (const image of message.images) {
      const size = pngSize(image.pngBase64);
      expect(size.width).toBeGreaterThanOrEqual(480);
      expect(size.height).toBeGreaterThan(100);
      expect(rows.some((r) => r.imageId === image.id)).toBe(true);
    }
    expect(rows.find((r) => r.label === "Ticket volume")?.imageId).toBe(message.images.find((i) => i.id.startsWith("chart-"))?.id);
  });

  test("people get their own scope by email: a team lead's copy never names another team, a manager's does", async () => {
    const { prisma } = db();
    const id = await digest({ people: [String(people.lead.id), String(people.manager.id), String(people.agent.id)] });
    expect(await sendDigestNow(prisma, id, now)).toBe("Queued 3 messages.");
    const sent = await deliveries(id);
    const to = (email: string) => sent.find((d) => d.emailTo.join() === email)!;
    // No email channel on the digest: the organisation's email channel carries the people's copies.
    expect(sent.map((d) => d.channelId)).toEqual([emailChannel, emailChannel, emailChannel]);

    const lead = JSON.stringify(to(people.lead.email).message);
    expect(lead).toContain("Alpha");
    expect(lead).not.toContain("Beta");
    const manager = JSON.stringify(to(people.manager.email).message);
    expect(manager).toContain("Alpha");
    expect(manager).toContain("Beta");
    // Numbers follow the scope: Alpha had 5 tickets yesterday, everyone 8, Ann (agent a1) 5.
    const volume = (message: StoredNotificationMessage) => message.sections.flatMap((s) => s.rows).find((r) => r.label === "Tickets created")?.value;
    expect(volume(to(people.lead.email).message)).toBe("5");
    expect(volume(to(people.manager.email).message)).toBe("8");
    expect(volume(to(people.agent.email).message)).toBe("5");
    expect(JSON.stringify(to(people.agent.email).message)).not.toContain("Beta");
  });

  test("a person whose scope the digest's team filter leaves out is skipped, and the result says so", async () => {
    const { prisma } = db();
    const id = await digest({ team: "beta", people: [String(people.lead.id)], channels: [String(emailChannel)] });
    const result = await sendDigestNow(prisma, id, now);
    expect(result).toBe("Queued 1 message; lead@example.com skipped (team: you can only see the teams you lead).");
    const [channelCopy] = await deliveries(id);
    expect(channelCopy!.emailTo).toEqual([]);
    expect(JSON.stringify(channelCopy!.message)).toContain("Beta");
  });

  test("bad input names its field", () => {
    const issues = (input: Record<string, unknown>) =>
      ZDigestInput.safeParse({ dashboard: "service-overview", name: "N", frequency: "daily", time: "08:00", channels: ["1"], ...input }).error?.issues.map((i) => i.path[0]);
    expect(issues({ time: "8am" })).toEqual(["time"]);
    expect(issues({ time: "24:00" })).toEqual(["time"]);
    expect(issues({ frequency: "weekly" })).toEqual(["weekday"]);
    expect(issues({ channels: [] })).toEqual(["channels"]);
    expect(issues({ name: " " })).toEqual(["name"]);
    expect(issues({ frequency: "weekly", weekday: "3" })).toBeUndefined();
  });
});
