import { beforeAll, expect, test } from "vitest";

import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { NO_FILTERS, NO_GROUPING, type KpiQuery } from "../kpi-query";
import { presetWindow, timeBuckets } from "../time-windows";
import { checkFormula } from "./check-formula";
import { computeCustomKpi } from "./compute-custom-kpi";
import type { AggregateNode } from "./compute-record-aggregate";
import { rolledUpCount } from "./compute-rolled-up-count";
import type { TypedNode } from "./formula-tree";

const ZONE = "Europe/Berlin";

function typed(text: string): TypedNode {
  const result = checkFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.value;
}

test("counts and shares of calls and surveys are read from the rollups when a rollup column counts their conditions", () => {
  const rolled = (formula: string) => rolledUpCount(typed(formula) as AggregateNode) !== null;
  for (const formula of [
    "count(calls where direction = inbound and answered)",
    'count(calls where answered and queue = "Q-1" and not team = "T-2")',
    "share(calls where offered, abandoned)",
    "share(calls where offered, within_service_level)",
    "count(surveys)",
    "share(surveys where kind = csat, score >= 4)",
    'share(surveys where kind in (nps, enps) and agent = "A-1", score <= 6)',
  ]) expect(rolled(formula), formula).toBe(true);
  for (const formula of [
    "count(calls)",
    "count(calls where answered or offered)",
    "count(calls where handle > 5m)",
    "share(surveys, score > 3)",
    "mean(score of surveys where kind = ces)",
    "count(tickets by created where reopens > 0)",
  ]) expect(rolled(formula), formula).toBe(false);
});

describeEachDatabase("custom counts of calls and surveys from the rollups", ({ db }) => {
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
    ];
    for (const formula of formulas) {
      for (const each of [q, byDay, { ...q, grouping: { by: "team" as const } }]) {
        const rolled = await computeCustomKpi(prisma(), typed(formula), each);
        expect(rolled, formula).toEqual(await computeCustomKpi(prisma(), typed(formula), { ...each, rollups: {} }));
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
    // Another service-level threshold than the rollup's counts from the raw rows.
    const other = { ...q, serviceLevelSeconds: 45 };
    const withinFormula = typed("share(calls where offered, within_service_level)");
    expect(await computeCustomKpi(prisma(), withinFormula, other)).toEqual(await computeCustomKpi(prisma(), withinFormula, { ...other, rollups: {} }));
  }, 120_000);
});
