import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, expect, test } from "vitest";

import { createUser } from "@/lib/auth/users";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { createChannel, ZNewChannel } from "@/lib/notifications/channels";
import { runDueDeliveries } from "@/lib/notifications/run-due-deliveries";
import { startSmtpPeer, type SmtpPeer } from "@/lib/testing/notification-peers";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createDigest, sendDigestNow, ZDigestInput } from "./manage-digests";

// The whole path a digest takes to a person: composed in their scope, queued, sent by the delivery
// worker through a real SMTP server, and read back as a mail client would (subject, numbers,
// charts inline by Content-ID).
describeEachDatabase("a digest by email", ({ db }) => {
  const now = new Date();
  let smtp: SmtpPeer;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    const { prisma } = db();
    await prisma.team.createMany({ data: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }] });
    await ensureDefaultDashboard(prisma);
    await createUser(prisma, { email: "lead@example.com", password: "correct-horse-battery", name: "Lee Lead", role: "team_lead", teams: ["alpha"] } as never);
    await createChannel(prisma, ZNewChannel.parse({ kind: "email", name: "Mail", host: "127.0.0.1", port: String(smtp.port), security: "none", from: "deskpulse@example.com", to: "managers@example.com" }));
    const local = new TZDate(now.getTime(), "UTC");
    const at = (hour: number) => new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() - 1, hour)).toISOString();
    const ticket = (id: string, team: string, hour: number) => ({ externalId: id, channel: "email", team, status: "solved", createdAt: at(hour), firstResponseAt: at(hour + 1), resolvedAt: at(hour + 2) });
    const parsed = parseIngestBatch({ tickets: [ticket("A1", "alpha", 8), ticket("A2", "alpha", 9), ticket("B1", "beta", 10)] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await ingestBatch(prisma, parsed.batch);
  }, 60_000);
  afterAll(() => smtp.close());

  test("a team lead receives their own numbers with the charts inline, and no other team's", async () => {
    const { prisma } = db();
    const lead = await prisma.user.findUniqueOrThrow({ where: { email: "lead@example.com" } });
    const id = await createDigest(prisma, { ...ZDigestInput.parse({ dashboard: "service-overview", name: "Morning numbers", frequency: "daily", time: "08:00", people: [String(lead.id)] }), createdById: null }, now);
    expect(await sendDigestNow(prisma, id, now)).toBe("Queued 1 message.");
    expect((await runDueDeliveries(prisma)).map((o) => o.status)).toEqual(["sent"]);

    expect(smtp.recipients).toEqual([["lead@example.com"]]);
    const mail = smtp.messages[0]!;
    expect(mail.subject).toMatch(/^Morning numbers: Service overview · /);
    const html = String(mail.html);
    expect(html).toContain("Tickets created");
    expect(html).toContain("Alpha");
    expect(html).not.toContain("Beta");
    expect(mail.text).toMatch(/- Tickets created: 2\b/);
    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(cids.length).toBeGreaterThan(0);
    expect(mail.attachments.map((a) => a.cid).sort()).toEqual([...new Set(cids)].sort());
    for (const attachment of mail.attachments) {
      expect(attachment.contentType).toBe("image/png");
      expect(attachment.content.subarray(1, 4).toString("latin1")).toBe("PNG");
    }
  });
});
