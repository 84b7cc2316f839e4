import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { NO_FILTERS, NO_GROUPING, type KpiQuery } from "../kpi-query";
import { presetWindow, timeBuckets } from "../time-windows";
import { checkFormula } from "./check-formula";
import { computeCustomKpi } from "./compute-custom-kpi";
import type { AggregateNode } from "./compute-record-aggregate";
import { rolledUpPlan } from "./compute-rolled-up-aggregate";
import type { TypedNode } from "./formula-tree";

const ZONE = "Europe/Berlin";

function typed(text: string): TypedNode {
  const result = checkFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.value;
}

test("counts, shares, sums and means are read from the rollups when a rollup column counts their conditions and sums their field", () => {
  const q = { from: new Date(0), to: new Date(0), timeZone: ZONE, now: new Date(0), serviceLevelSeconds: 20, filters: NO_FILTERS, grouping: NO_GROUPING };
  const rolled = (formula: string) => rolledUpPlan(typed(formula) as AggregateNode, q) !== null;
  for (const formula of [
    "count(calls where direction = inbound and answered)",
    'count(calls where answered and queue = "Q-1" and not team = "T-2")',
    "share(calls where offered, abandoned)",
    "share(calls where offered, within_service_level)",
    "count(surveys)",
    "share(surveys where kind = csat, score >= 4)",
    'share(surveys where kind in (nps, enps) and agent = "A-1", score <= 6)',
    "count(replies)",
    'mean(resolution of tickets by solved where priority = urgent and team != "T-1")',
    "mean(business first_response of tickets by first_answered)",
    "sum(touches of tickets by solved)",
    "mean(wait of replies where channel = chat)",
    "mean(handle of calls where answered)",
    "mean(answer_wait of calls where direction = inbound and answered)",
    "mean(score of surveys where kind = ces)",
  ]) expect(rolled(formula), formula).toBe(true);
  for (const formula of [
    "count(calls)",
    "count(calls where answered or offered)",
    "count(calls where handle > 5m)",
    "share(surveys, score > 3)",
    "count(tickets by created where reopens > 0)",
    "count(tickets by created)",
    "mean(resolution of tickets by created)",
    "mean(handle of calls)",
    "median(handle of calls where answered)",
    "max(score of surveys)",
  ]) expect(rolled(formula), formula).toBe(false);
});

describeEachDatabase("custom aggregates from the rollups", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 300, days: 8, now, timeZone: ZONE, seed: 31 });
  }, 120_000);

  const query = (): KpiQuery => ({ ...presetWindow("last_7_days", now, ZONE), timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping: NO_GROUPING });

  test("whole days come from the rollups, and give what the raw rows give", async () => {
    const q = query();
    const byDay = { ...q, grouping: { by: "time" as const, buckets: timeBuckets(q, "day", ZONE) } };
    const agent = (await prisma().agent.findFirstOrThrow({ orderBy: { externalId: "asc" } })).externalId;
    const formulas = [
      "count(calls where direction = inbound and answered)",
      `share(calls where offered and agent = "${agent}", abandoned)`,
      "share(surveys where kind = csat, score >= 4)",
      `count(surveys where kind = nps and agent = "${agent}")`,
      "mean(resolution of tickets by solved where priority in (urgent, high))",
      `mean(business first_response of tickets by first_answered where agent = "${agent}")`,
      "sum(touches of tickets by solved where channel = email)",
      "mean(wait of replies)",
      "mean(answer_wait of calls where direction = inbound and answered)",
      "mean(score of surveys where kind = ces)",
    ];
    for (const formula of formulas) {
      for (const each of [q, byDay, { ...q, grouping: { by: "team" as const } }]) {
        // Means without their percentiles: those read the raw rows whatever the rollups hold.
        const rolled = await computeCustomKpi(prisma(), typed(formula), { ...each, percentiles: false });
        expect(rolled, formula).toEqual(await computeCustomKpi(prisma(), typed(formula), { ...each, percentiles: false, rollups: {} }));
      }
    }
    const handled = typed(formulas[0]!);
    const before = (await computeCustomKpi(prisma(), handled, q)).value!;
    await prisma().$executeRaw`UPDATE call_rollup_team_daily SET handled = handled + 1000 WHERE id = (SELECT min(id) FROM call_rollup_team_daily WHERE day >= ${q.from})`;
    try {
      expect((await computeCustomKpi(prisma(), handled, q)).value).toBe(before + 1000);
    } finally {
      await prisma().$executeRaw`UPDATE call_rollup_team_daily SET handled = handled - 1000 WHERE id = (SELECT min(id) FROM call_rollup_team_daily WHERE day >= ${q.from})`;
    }
    const resolution = typed("mean(calendar resolution of tickets by solved)");
    const mean = (await computeCustomKpi(prisma(), resolution, { ...q, percentiles: false })).value!;
    await prisma().$executeRaw`UPDATE ticket_rollup_team_daily SET art_sum = art_sum + 1000000 WHERE id = (SELECT min(id) FROM ticket_rollup_team_daily WHERE day >= ${q.from} AND solved > 0)`;
    try {
      expect((await computeCustomKpi(prisma(), resolution, { ...q, percentiles: false })).value).toBeGreaterThan(mean);
    } finally {
      await prisma().$executeRaw`UPDATE ticket_rollup_team_daily SET art_sum = art_sum - 1000000 WHERE id = (SELECT min(id) FROM ticket_rollup_team_daily WHERE day >= ${q.from} AND solved > 0)`;
    }
    // Another service-level threshold than the rollup's counts from the raw rows.
    const other = { ...q, serviceLevelSeconds: 45 };
    const withinFormula = typed("share(calls where offered, within_service_level)");
    expect(await computeCustomKpi(prisma(), withinFormula, other)).toEqual(await computeCustomKpi(prisma(), withinFormula, { ...other, rollups: {} }));
  }, 120_000);
});
