import { createHmac } from "node:crypto";

import { afterAll, beforeAll, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { createChannel, ZNewChannel } from "@/lib/notifications/channels";
import { runDueDeliveries } from "@/lib/notifications/run-due-deliveries";
import { startHttpPeer, type HttpPeer } from "@/lib/testing/notification-peers";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { evaluateAlerts } from "./evaluate-alerts";
import { createAlertRule } from "./manage-alert-rules";

// An alert's whole path: judged over ingested records, queued, and delivered by the worker to a
// real HTTP receiver as a signed webhook, once when it fires and once when it resolves.
describeEachDatabase("an alert delivered to a webhook", ({ db }) => {
  const SECRET = "whsec_alerts_0123456789";
  let http: HttpPeer;
  let channelId: number;

  beforeAll(async () => {
    http = await startHttpPeer();
    const { prisma } = db();
    await prisma.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone: "UTC", minSampleSize: 1 }, update: { timeZone: "UTC", minSampleSize: 1 } });
    channelId = await createChannel(prisma, ZNewChannel.parse({ kind: "webhook", name: "Ops", url: `${http.url}/alerts`, signingSecret: SECRET }));
    const parsed = parseIngestBatch({
      teams: [{ externalId: "A", name: "Alpha" }],
      surveys: [1, 1, 1, 5].map((score, i) => ({ externalId: `S${i}`, kind: "csat", score, team: "A", respondedAt: "2026-12-07T09:00:00Z" })),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await ingestBatch(prisma, parsed.batch);
  });
  afterAll(() => http.close());

  test("fires once with its value and threshold, resolves once, each a signed webhook", async () => {
    const { prisma } = db();
    await createAlertRule(db(), {
      name: "CSAT dip", kind: "kpi", kpiKey: "csat", team: "A", window: "last_hour", condition: "threshold", threshold: "80",
      holdMinutes: 0, channelIds: [String(channelId)], notifyManagers: false,
    }, new Date("2026-12-07T09:00:00Z"));
    const judge = (at: string) => evaluateAlerts(prisma, { now: new Date(at), minIntervalMs: 0, origin: "https://deskpulse.example" });

    expect(await judge("2026-12-07T09:05:00Z")).toMatchObject({ fired: 1 });
    expect(await judge("2026-12-07T09:06:00Z")).toMatchObject({ fired: 0, resolved: 0 });
    expect((await runDueDeliveries(prisma)).map((o) => o.status)).toEqual(["sent"]);
    // Good answers later, with the bad ones out of the last hour: it resolves.
    const good = parseIngestBatch({ surveys: [5, 5, 5].map((score, i) => ({ externalId: `G${i}`, kind: "csat", score, team: "A", respondedAt: "2026-12-07T10:30:00Z" })) });
    if (!good.ok) throw new Error("bad fixture");
    await ingestBatch(prisma, good.batch);
    expect(await judge("2026-12-07T10:35:00Z")).toMatchObject({ resolved: 1 });
    expect((await runDueDeliveries(prisma)).map((o) => o.status)).toEqual(["sent"]);

    expect(http.requests).toHaveLength(2);
    const [fired, resolved] = http.requests.map((r) => {
      const signature = createHmac("sha256", SECRET).update(`${r.headers["x-deskpulse-timestamp"]}.${r.body}`).digest("hex");
      expect(r.headers["x-deskpulse-signature"]).toBe(`v1=${signature}`);
      return JSON.parse(r.body) as { source: string; title: string; link: string };
    });
    expect(fired!.title).toContain("25.0%");
    expect(fired!.title).toContain("worse than 80.0%");
    expect(fired!.source).toMatch(/^alert:\d+$/);
    expect(fired!.link).toMatch(/^https:\/\/deskpulse\.example\/kpis\/csat\?/);
    expect(resolved!.title).toContain("back to 100.0%");
  });
});
