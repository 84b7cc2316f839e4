import { createHmac } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";
import { startHttpPeer, startSmtpPeer, type HttpPeer, type SmtpPeer } from "@/lib/testing/notification-peers";

import { createChannel, listChannels, ZNewChannel } from "./channels";
import { enqueueNotification } from "./enqueue-notification";
import type { NotificationMessage } from "./notification-message";
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, runDueDeliveries } from "./run-due-deliveries";

// A 2×1 PNG (one white, one indigo pixel): small, and a real image a mail client can show.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4//8/AwMDAwMAAP4A/gHA4mrzAAAAAElFTkSuQmCC";

const MESSAGE: NotificationMessage = {
  title: "Service overview: daily digest",
  link: "http://localhost:3000/dashboards/service-overview",
  sections: [
    {
      heading: "Today so far",
      rows: [
        { label: "Customer satisfaction", value: "87.5%", detail: "▲ 2.1 pts vs previous period", tone: "good", imageId: "csat" },
        { label: "First response time", value: "4m 12s", detail: "target 5m (met)", tone: "neutral" },
      ],
    },
  ],
  images: [{ id: "csat", alt: "Customer satisfaction over the last 7 days", pngBase64: PNG }],
};

describe("ZNewChannel", () => {
  test.each([
    [{ kind: "slack", name: "Floor", url: "http://hooks.example.com/x" }, "url"],
    [{ kind: "webhook", name: "Ops", url: "https://ops.example.com/hook", signingSecret: "short" }, "signingSecret"],
    [{ kind: "email", name: "Mail", host: "smtp.example.com", port: "587", security: "starttls", from: "not-an-address", to: "a@example.com" }, "from"],
    [{ kind: "email", name: "Mail", host: "smtp.example.com", port: "587", security: "starttls", from: "d@example.com", to: "a@example.com, nope" }, "to"],
    [{ kind: "teams", name: "", url: "https://example.webhook.office.com/x" }, "name"],
  ])("refuses %j naming %s", (input, field) => {
    const parsed = ZNewChannel.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path[0]).toBe(field);
  });

  test("takes https anywhere and plain http only to this machine; splits recipient lists", () => {
    expect(ZNewChannel.safeParse({ kind: "slack", name: "Floor", url: "https://hooks.slack.com/services/T/B/x" }).success).toBe(true);
    expect(ZNewChannel.safeParse({ kind: "slack", name: "Floor", url: "http://127.0.0.1:9/x" }).success).toBe(true);
    const email = ZNewChannel.parse({ kind: "email", name: "Mail", host: "smtp.example.com", port: "587", security: "starttls", from: "d@example.com", to: "a@example.com; b@example.com\nc@example.com" });
    expect(email.kind === "email" && email.to).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  });
});

describeEachDatabase("delivery channels against real peers", ({ db }) => {
  let smtp: SmtpPeer;
  let http: HttpPeer;
  const ids = { email: 0, slack: 0, teams: 0, webhook: 0 };
  const SECRET = "whsec_0123456789abcdef";

  beforeAll(async () => {
    [smtp, http] = await Promise.all([startSmtpPeer(), startHttpPeer()]);
    const prisma = db().prisma;
    ids.email = await createChannel(prisma, ZNewChannel.parse({ kind: "email", name: "Managers", host: "127.0.0.1", port: String(smtp.port), security: "none", username: "deskpulse", password: "s3cret-pass", from: "deskpulse@example.com", to: "managers@example.com" }));
    ids.slack = await createChannel(prisma, ZNewChannel.parse({ kind: "slack", name: "Floor", url: `${http.url}/slack` }));
    ids.teams = await createChannel(prisma, ZNewChannel.parse({ kind: "teams", name: "Leads", url: `${http.url}/teams` }));
    ids.webhook = await createChannel(prisma, ZNewChannel.parse({ kind: "webhook", name: "Ops", url: `${http.url}/hook`, signingSecret: SECRET }));
  });
  afterAll(async () => {
    await Promise.all([smtp.close(), http.close()]);
  });
  beforeEach(async () => {
    await db().prisma.notificationDelivery.deleteMany();
    smtp.messages.length = 0;
    smtp.recipients.length = 0;
    http.requests.length = 0;
    http.statusOf.clear();
  });

  test("secrets are sealed: neither the SMTP password nor a webhook's address is stored readable", async () => {
    const rows = await db().prisma.notificationChannel.findMany();
    for (const row of rows) {
      expect(row.secretsSealed).not.toContain("s3cret-pass");
      expect(row.secretsSealed).not.toContain("127.0.0.1");
      expect(JSON.stringify(row.settings)).not.toContain("s3cret-pass");
    }
  });

  test("one message reaches all four channels, each in its own format", async () => {
    const prisma = db().prisma;
    const queued = await enqueueNotification(prisma, { channelIds: Object.values(ids), message: MESSAGE, source: "test" });
    expect(queued).toHaveLength(4);
    const outcomes = await runDueDeliveries(prisma);
    expect(outcomes.map((o) => o.status)).toEqual(["sent", "sent", "sent", "sent"]);

    // Email: subject, numbers in the HTML and the text, the chart inline by Content-ID, the login used.
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.subject).toBe("Service overview: daily digest");
    expect(smtp.recipients[0]).toEqual(["managers@example.com"]);
    expect(smtp.logins).toContainEqual({ username: "deskpulse", password: "s3cret-pass" });
    expect(mail.html).toContain("87.5%");
    expect(mail.html).toContain("cid:csat@deskpulse");
    expect(mail.text).toContain("- First response time: 4m 12s (target 5m (met))");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: "image/png", cid: "csat@deskpulse" });
    expect(mail.attachments[0]!.content.subarray(1, 4).toString("latin1")).toBe("PNG");

    const byPath = (path: string) => http.requests.find((r) => r.path === path)!;
    // Slack: Block Kit with a header, the rows as fields, the link as a context line.
    const slack = JSON.parse(byPath("/slack").body);
    expect(slack.text).toBe(MESSAGE.title);
    expect(slack.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: MESSAGE.title, emoji: true } });
    expect(JSON.stringify(slack.blocks)).toContain("*Customer satisfaction*\\n87.5%");
    expect(slack.blocks.at(-1).elements[0].text).toBe(`<${MESSAGE.link}|Open in Deskpulse>`);
    // Teams: one Adaptive Card with a fact set and an open-URL action.
    const teams = JSON.parse(byPath("/teams").body);
    expect(teams.type).toBe("message");
    expect(teams.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = teams.attachments[0].content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4", actions: [{ type: "Action.OpenUrl", url: MESSAGE.link }] });
    expect(card.body.find((b: { type: string }) => b.type === "FactSet").facts[0]).toEqual({ title: "Customer satisfaction", value: "87.5% · ▲ 2.1 pts vs previous period" });
    // Webhook: the message as JSON, signed over "<timestamp>.<body>".
    const hook = byPath("/hook");
    const expected = `v1=${createHmac("sha256", SECRET).update(`${hook.headers["x-deskpulse-timestamp"]}.${hook.body}`).digest("hex")}`;
    expect(hook.headers["x-deskpulse-signature"]).toBe(expected);
    expect(JSON.parse(hook.body)).toMatchObject({ source: "test", title: MESSAGE.title, sections: MESSAGE.sections, images: [{ id: "csat", pngBase64: PNG }] });

    expect((await listChannels(prisma)).every((c) => c.lastSentAt !== null && c.pending === 0)).toBe(true);
  });

  test("a digest to chosen people goes to their addresses instead of the channel's", async () => {
    await enqueueNotification(db().prisma, { channelIds: [ids.email], message: MESSAGE, source: "digest:1", emailTo: ["lead@example.com"] });
    await runDueDeliveries(db().prisma);
    expect(smtp.recipients).toEqual([["lead@example.com"]]);
  });

  test("a refused delivery is retried with backoff, shows its error, and gives up after the last attempt", async () => {
    const prisma = db().prisma;
    http.statusOf.set("/slack", 404);
    const [id] = await enqueueNotification(prisma, { channelIds: [ids.slack], message: MESSAGE, source: "alert:7" });
    let now = new Date(Date.now() + 1_000);
    expect(await runDueDeliveries(prisma, { now })).toEqual([{ id, status: "retrying", error: expect.stringContaining("answered 404: invalid_token") }]);
    const row = await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_SECONDS[0] * 1000) });
    expect((await listChannels(prisma)).find((c) => c.id === ids.slack)).toMatchObject({ lastError: expect.stringContaining("404"), pending: 1 });
    // Not due yet: nothing is sent early.
    expect(await runDueDeliveries(prisma, { now: new Date(now.getTime() + 30_000) })).toEqual([]);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + RETRY_DELAYS_SECONDS[attempt - 2]! * 1000);
      const [outcome] = await runDueDeliveries(prisma, { now });
      expect(outcome!.status).toBe(attempt === MAX_ATTEMPTS ? "failed" : "retrying");
    }
    expect(await prisma.notificationDelivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(http.requests.filter((r) => r.path === "/slack")).toHaveLength(MAX_ATTEMPTS);
  });

  test("a delivery that fails once and then gets through is sent once", async () => {
    const prisma = db().prisma;
    http.statusOf.set("/teams", 503);
    const now = new Date(Date.now() + 1_000);
    const [id] = await enqueueNotification(prisma, { channelIds: [ids.teams], message: MESSAGE, source: "test" });
    await runDueDeliveries(prisma, { now });
    http.statusOf.delete("/teams");
    expect(await runDueDeliveries(prisma, { now: new Date(now.getTime() + 61_000) })).toEqual([{ id, status: "sent" }]);
    expect(await runDueDeliveries(prisma, { now: new Date(now.getTime() + 3_600_000) })).toEqual([]);
  });

  test("an unreachable SMTP server is an error naming it, not a crash", async () => {
    const prisma = db().prisma;
    const dead = await createChannel(prisma, ZNewChannel.parse({ kind: "email", name: "Dead", host: "127.0.0.1", port: "9", security: "none", from: "d@example.com", to: "a@example.com" }));
    const [id] = await enqueueNotification(prisma, { channelIds: [dead], message: MESSAGE, source: "test" });
    expect(await runDueDeliveries(prisma, { ids: [id!] })).toEqual([{ id, status: "retrying", error: expect.stringMatching(/^127\.0\.0\.1:9: .*ECONNREFUSED/) }]);
    await prisma.notificationChannel.delete({ where: { id: dead } });
  });

  test("two workers racing send each delivery once", async () => {
    const prisma = db().prisma;
    await enqueueNotification(prisma, { channelIds: [ids.webhook, ids.slack, ids.teams], message: MESSAGE, source: "test" });
    const [a, b] = await Promise.all([runDueDeliveries(prisma), runDueDeliveries(prisma)]);
    expect(a.length + b.length).toBe(3);
    expect(http.requests).toHaveLength(3);
  });
});
