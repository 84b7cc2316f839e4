import { beforeAll, expect, test } from "vitest";

import { KPI_CATALOG } from "@/lib/kpi/catalog";
import { saveTarget } from "@/lib/targets/manage-targets";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { userContext } from "@/lib/testing/user-context";

import { targetsPage } from "./targets-page";

describeEachDatabase("the targets settings page", ({ db }) => {
  beforeAll(async () => {
    const { prisma } = db();
    const alpha = await prisma.team.create({ data: { externalId: "alpha", name: "Alpha" } });
    await prisma.agent.create({ data: { externalId: "a1", name: "Ann", teamId: alpha.id } });
    const ctx = userContext(prisma, "manager");
    await saveTarget(ctx, { kpiKey: "csat", value: 90, warning: 85, critical: 80 });
    await saveTarget(ctx, { kpiKey: "first_response_time", team: "alpha", value: 300, warning: 600, critical: 900 });
    await saveTarget(ctx, { kpiKey: "tickets_solved", agent: "a1", value: 40, warning: 30, critical: 20 });
  });

  test("names each target's KPI and scope and formats its thresholds in the KPI's unit", async () => {
    const view = await targetsPage(userContext(db().prisma, "manager"));
    expect(view.targets).toEqual([
      { id: expect.any(Number), kpi: "Customer satisfaction", scope: "Organisation", value: "90.0%", warning: "85.0%", critical: "80.0%" },
      { id: expect.any(Number), kpi: "First response time", scope: "Team: Alpha", value: "5m 00s", warning: "10m 00s", critical: "15m 00s" },
      { id: expect.any(Number), kpi: "Tickets solved", scope: "Agent: Ann", value: "40", warning: "30", critical: "20" },
    ]);
  });

  test("offers every KPI with its better direction, and the organisation, each team and each agent as scopes", async () => {
    const view = await targetsPage(userContext(db().prisma, "manager"));
    expect(view.kpis).toHaveLength(KPI_CATALOG.length);
    expect(view.kpis).toContainEqual({ value: "first_response_time", label: "First response time (lower is better)" });
    expect(view.scopes).toEqual([
      { value: "", label: "The organisation" },
      { value: "team:alpha", label: "Team: Alpha" },
      { value: "agent:a1", label: "Agent: Ann" },
    ]);
  });
});
