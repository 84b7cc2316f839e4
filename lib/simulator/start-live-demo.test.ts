import { expect, test, vi } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { onRecordsIngested } from "@/lib/ingest/ingest-events";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { historyVolume, startLiveDemo } from "./start-live-demo";

describeEachDatabase("live demo in the server", ({ db }) => {
  test("reads the history's size, then stores the stream through the ingest path and announces it", async () => {
    const { prisma } = db();
    const now = new Date();
    await seedDemoIfEmpty(prisma, { now, tickets: 600, days: 30 });
    const history = await historyVolume(prisma, now);
    expect(history.days).toBeGreaterThan(28);
    expect(history.days).toBeLessThanOrEqual(30);
    expect(history.tickets).toBeGreaterThan(450);
    expect(history.tickets).toBeLessThan(750);

    const announced: number[] = [];
    const unsubscribe = onRecordsIngested("live-demo-test", ({ stored }) => announced.push(Object.values(stored).reduce((n, c) => n + Number(c), 0)));
    const agents = await prisma.agent.count();
    // The highest scale: new tickets and calls every few seconds even in the quietest night hour.
    const stop = await startLiveDemo(prisma, 10_000, () => {});
    const live = async () =>
      (await prisma.ticket.count({ where: { externalId: { startsWith: "T-live-" } } })) +
      (await prisma.call.count({ where: { externalId: { startsWith: "C-live-" } } }));
    try {
      await vi.waitFor(async () => expect(await live()).toBeGreaterThan(0), { timeout: 40_000, interval: 500 });
      // Every agent's presence now, from the first second.
      expect(await prisma.agentStatusEvent.count({ where: { at: { gte: new Date(now.getTime() - 1_000) } } })).toBeGreaterThanOrEqual(agents);
      expect(announced.length).toBeGreaterThan(0);
      expect(await prisma.agent.count()).toBe(agents);
    } finally {
      stop();
      unsubscribe();
    }
  }, 120_000);
});
