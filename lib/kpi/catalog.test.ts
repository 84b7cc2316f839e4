import path from "node:path";

import { describe, expect, test } from "vitest";

import { clearRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { agentPageKpis, KPI_CATALOG, KPI_FAMILIES, KPI_KEYS, recordsListOf, teamPageKpis, type KpiFamily } from "./catalog";
import { FAMILY_MODULES, familyQuery } from "./families/family-modules";
import { NO_FILTERS, NO_GROUPING } from "./kpi-query";
import { ROLLUP_FAMILIES } from "./rollups/rollup-coverage";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FAMILIES = Object.keys(KPI_FAMILIES) as KpiFamily[];
const keysOf = (family: KpiFamily) => KPI_CATALOG.filter((kpi) => kpi.family === family).map((kpi) => kpi.key);
/** A family module's exports that rebuild a rollup, found by their shape rather than by the table. */
const rollupExports = (module: object) =>
  Object.entries(module).filter(([, value]) => typeof value === "object" && value !== null && "rebuildHours" in value).map(([name]) => name);

describe("the KPI catalog", () => {
  test("every KPI counts on a record timestamp, or is live; live KPIs are the live family's, and only they", () => {
    for (const kpi of KPI_CATALOG) {
      expect(kpi.basis, kpi.key).toBeTruthy();
      const live = "live" in kpi && kpi.live === true;
      expect([kpi.key, kpi.basis === "live", kpi.family === "live"]).toEqual([kpi.key, live, live]);
    }
  });

  test("every family in the table has KPIs, and its module (at the path the table gives) exports the functions the table names", async () => {
    for (const family of FAMILIES) {
      const facts = KPI_FAMILIES[family];
      expect(keysOf(family).length, family).toBeGreaterThan(0);
      const exported = (await import(/* @vite-ignore */ path.resolve(ROOT, facts.module))) as Record<string, unknown>;
      // The dispatch's module is the one the table points a reader to.
      expect(FAMILY_MODULES[family], family).toBe(exported);
      expect(typeof exported[facts.compute], `${facts.module} ${facts.compute}`).toBe("function");
      expect(rollupExports(exported), facts.module).toEqual(facts.rollup === null ? [] : [facts.rollup]);
    }
  });

  test("no built-in key starts with custom_: that prefix is the custom KPIs' (lib/kpi/kpi-directory.ts)", () => {
    expect(KPI_KEYS.filter((key) => key.startsWith("custom_"))).toEqual([]);
  });

  test("ROLLUP_FAMILIES are exactly the families the table names a rollup for, in the order they refresh", () => {
    expect(ROLLUP_FAMILIES).toEqual(FAMILIES.filter((family) => KPI_FAMILIES[family].rollup !== null));
    expect(ROLLUP_FAMILIES).toEqual(["tickets", "replies", "calls", "surveys", "knowledge_base"]);
  });

  test("the agent and team pages' KPIs", () => {
    // Live state has no agent's share; knowledge-base views and eNPS are nobody's; an agent's backlog is not a page headline.
    expect(agentPageKpis()).toEqual([
      "ticket_volume", "tickets_solved", "first_response_time", "avg_resolution_time", "avg_reply_time", "fcr_rate", "touches_per_ticket",
      "reopen_rate", "sla_first_response", "sla_resolution", "calls_handled", "aht", "asa", "abandonment_rate", "service_level", "csat", "nps", "ces",
    ]);
    expect(teamPageKpis()).toEqual(["ticket_volume", "tickets_solved", "first_response_time", "csat"]);
  });

  test("the records list behind a number: tickets for the ticket family, calls for the call family, none for the others", () => {
    for (const kpi of KPI_CATALOG) {
      expect([kpi.key, recordsListOf(kpi.key)]).toEqual([kpi.key, kpi.family === "tickets" ? "tickets" : kpi.family === "calls" ? "calls" : null]);
    }
  });
});

describeEachDatabase("KPI family modules", ({ db }) => {
  test("each family's query answers every KPI of the family, and no other", async () => {
    await clearRecords(db().prisma);
    const now = new Date("2026-04-01T12:00:00Z");
    for (const family of FAMILIES) {
      const [total] = await familyQuery(family)(db().prisma, {
        from: new Date("2026-04-01T00:00:00Z"), to: now, now, timeZone: "UTC", filters: NO_FILTERS, serviceLevelSeconds: 20,
        grouping: NO_GROUPING, rollups: {},
      });
      expect(total!.results.map((r) => r.key).sort(), family).toEqual(keysOf(family).sort());
    }
  });
});

test("every KPI has a plain sentence for managers, in words rather than a formula", () => {
  for (const kpi of KPI_CATALOG) {
    expect(kpi.plain, kpi.key).toMatch(/^[A-Z].{15,}\.$/);
    // Field names and operators belong in the formula below it, not in the sentence.
    expect(kpi.plain, kpi.key).not.toMatch(/[a-z][A-Z]|÷|×|Σ|\bmean\b/);
    expect(kpi.plain, kpi.key).not.toBe(kpi.definition);
  }
});
