import { beforeAll, expect, test } from "vitest";

import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { getKpiSnapshot } from "@/lib/kpi/get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING } from "@/lib/kpi/kpi-query";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { ALPHA_LEAD, userContext, VIEW_FIXTURE, WINDOW, WINDOW_PARAMS } from "@/lib/testing/view-fixture";

import { teamPageKpis } from "@/lib/kpi/catalog";
import { teamPageView } from "./team-page";

describeEachDatabase("the team page view", ({ db }) => {
  beforeAll(async () => {
    await ingestBatch(db().prisma, VIEW_FIXTURE);
  });

  test("the team's headline numbers are getKpiSnapshot's for that team; its agents are ranked", async () => {
    const result = await teamPageView(userContext(db().prisma, "manager"), "alpha", { ...WINDOW_PARAMS, kpi: "tickets_solved" });
    if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
    const { view } = result;
    const direct = await getKpiSnapshot(db().prisma, teamPageKpis(), {
      ...WINDOW, timeZone: "UTC", filters: { ...NO_FILTERS, team: ["alpha"] }, now: new Date(), serviceLevelSeconds: 20, grouping: NO_GROUPING,
    });
    expect(view.team).toMatchObject({ externalId: "alpha", name: "Alpha" });
    expect(view.headline.map((h) => [h.key, h.entry.value])).toEqual(teamPageKpis().map((k) => [k, direct.get(k)!.value]));
    expect(view.headline.find((h) => h.key === "ticket_volume")?.entry.value).toBe(3);
    expect(view.total.value).toBe(2);
    // Ann solved one ticket in each period: rank 1 now and before.
    expect(view.agents).toEqual([{ key: "a1", label: "Ann", value: 2, n: 2, rank: 1, previousRank: 1, notEnoughData: false }]);
    expect(view.teamSearch).toBe("?from=2026-03-09&to=2026-03-10&team=alpha");
  });

  test("each headline card stands against the team's target, else the organisation's", async () => {
    const prisma = db().prisma;
    const alpha = await prisma.team.findUniqueOrThrow({ where: { externalId: "alpha" } });
    await prisma.target.createMany({
      data: [
        { kpiKey: "ticket_volume", value: 5, warning: 3, critical: 1 },
        { kpiKey: "ticket_volume", teamId: alpha.id, value: 3, warning: 2, critical: 1 },
        { kpiKey: "tickets_solved", value: 4, warning: 3, critical: 1 },
      ],
    });
    try {
      const result = await teamPageView(userContext(prisma, "manager"), "alpha", WINDOW_PARAMS);
      if (!result.ok) throw new Error(`expected a page, got ${result.outcome}`);
      const standingOf = (key: string) => result.view.headline.find((h) => h.key === key)?.standing;
      // Three tickets against the team's goal of 3 (the organisation's 5 would be missed).
      expect(standingOf("ticket_volume")).toMatchObject({ status: "met" });
      // Two solved against the organisation's 4, below its warning of 3.
      expect(standingOf("tickets_solved")).toMatchObject({ status: "off" });
    } finally {
      await prisma.target.deleteMany({});
    }
  });

  test("a team lead opens their own team; another team, existing or not, is forbidden", async () => {
    const lead = userContext(db().prisma, "team_lead", ALPHA_LEAD);
    expect(await teamPageView(lead, "alpha", WINDOW_PARAMS)).toMatchObject({ ok: true, view: { team: { externalId: "alpha" } } });
    expect(await teamPageView(lead, "beta", WINDOW_PARAMS)).toEqual({ ok: false, outcome: "forbidden" });
    expect(await teamPageView(lead, "nope", WINDOW_PARAMS)).toEqual({ ok: false, outcome: "forbidden" });
  });

  test("an unknown team or a NUL in the path is not found", async () => {
    const manager = userContext(db().prisma, "manager");
    expect(await teamPageView(manager, "nope", WINDOW_PARAMS)).toEqual({ ok: false, outcome: "not-found" });
    expect(await teamPageView(manager, "%00", WINDOW_PARAMS)).toEqual({ ok: false, outcome: "not-found" });
  });
});
