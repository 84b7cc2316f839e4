import { expect, test, vi } from "vitest";

import { importRecords } from "@/lib/ingest/import-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createAchievement } from "./achievements";
import { evaluateOnIngest, requestEvaluation } from "./evaluate-motivation";

describeEachDatabase("evaluation on ingest", ({ db }) => {
  test("once subscribed, an accepted batch is evaluated without anyone asking: the achievement is awarded", async () => {
    await createAchievement(db().prisma, { name: "First solve", kpiKey: "tickets_solved", scope: "agent", period: "day", threshold: 1, minSample: 0 });
    const unsubscribe = evaluateOnIngest();
    const now = new Date().toISOString();
    const stored = await importRecords(db(), "tickets", [
      { externalId: "T-1", channel: "email", assignee: "ann", status: "solved", createdAt: now, firstResponseAt: now, resolvedAt: now },
    ]);
    expect(stored).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect(await db().prisma.achievementAward.count({ where: { subject: "ann" } })).toBe(1), { timeout: 20_000 });
    unsubscribe();
    // Nothing still evaluating when the database closes: this waits for a run in progress.
    await requestEvaluation(db().prisma);
  });
});
