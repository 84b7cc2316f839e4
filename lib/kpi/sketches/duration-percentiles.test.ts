import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";

import { saveSchedule } from "@/lib/business-hours/save-schedule";
import { OFFICE_HOURS } from "@/lib/business-hours/schedule";
import { seedDemoIfEmpty } from "@/lib/demo/seed-demo";
import { Prisma } from "@/lib/generated/prisma/client";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import type { KpiKey } from "../catalog";
import { getKpiSnapshot } from "../get-kpi-snapshot";
import { NO_FILTERS, NO_GROUPING, type KpiQuery } from "../kpi-query";
import { refreshRollups } from "../rollups/refresh-rollups";
import { presetWindow } from "../time-windows";
import { SKETCH_RELATIVE_ACCURACY, sketchBucketSql, sketchValue } from "./sketch-buckets";

const ZONE = "Europe/Berlin";
const DURATIONS: KpiKey[] = ["first_response_time", "avg_resolution_time", "avg_reply_time", "aht", "asa"];

describeEachDatabase("medians and p90s from the sketches", ({ db }) => {
  const prisma = () => db().prisma;
  let now: Date;
  let week: KpiQuery;
  let teams: string[];

  beforeAll(async () => {
    now = new Date();
    await seedDemoIfEmpty(prisma(), { tickets: 2_500, days: 12, now, timeZone: ZONE, seed: 11 });
    teams = (await prisma().team.findMany({ orderBy: { externalId: "asc" } })).map((t) => t.externalId);
    week = { ...presetWindow("last_7_days", now, ZONE), timeZone: ZONE, now, serviceLevelSeconds: 20, filters: NO_FILTERS, grouping: NO_GROUPING };
  }, 120_000);

  /** The sketched and the exact median and p90 of every duration KPI for `q`, side by side. */
  async function expectWithinAccuracy(q: KpiQuery, keys = DURATIONS) {
    const sketched = await getKpiSnapshot(prisma(), keys, { ...q, exactPercentilesUpTo: 0 });
    const exact = await getKpiSnapshot(prisma(), keys, { ...q, exactPercentilesUpTo: Number.POSITIVE_INFINITY });
    for (const key of keys) {
      const s = sketched.get(key)!;
      const e = exact.get(key)!;
      expect(e.percentiles, key).toBe("exact");
      expect(e.n, key).toBeGreaterThanOrEqual(10);
      expect(s.percentiles, key).toBe("approximate");
      for (const p of ["median", "p90"] as const) {
        expect(e[p], `${key} ${p}`).not.toBeNull();
        expect(Math.abs(s[p]! - e[p]!), `${key} ${p}: ${s[p]} against ${e[p]}`).toBeLessThanOrEqual(SKETCH_RELATIVE_ACCURACY * Math.abs(e[p]!) + 1e-9);
      }
    }
  }

  test("are within 0.5 % of the exact ones: the organisation, a team, a channel, an agent, in business hours", async () => {
    await expectWithinAccuracy(week);
    await expectWithinAccuracy({ ...week, filters: { ...NO_FILTERS, team: [teams[0]!] } });
    // Calls are phone calls: none by email.
    await expectWithinAccuracy({ ...week, filters: { ...NO_FILTERS, channel: ["email"] } }, ["first_response_time", "avg_resolution_time", "avg_reply_time"]);
    const agent = await prisma().agent.findFirstOrThrow({ where: { tickets: { some: {} } }, orderBy: { id: "asc" } });
    await expectWithinAccuracy({ ...week, filters: { ...NO_FILTERS, agent: [agent.externalId] } }, ["first_response_time", "avg_resolution_time", "avg_reply_time"]);
    await saveSchedule(prisma(), { kind: "org" }, { timeZone: ZONE, weeklyHours: OFFICE_HOURS, holidays: [] });
    await refreshRollups(prisma(), now);
    await expectWithinAccuracy({ ...week, hours: "business" });
  }, 120_000);

  test("a window with few values is exact, one with many approximate, and says so", async () => {
    const today = { ...week, ...presetWindow("today", now, ZONE), exactPercentilesUpTo: undefined };
    const small = (await getKpiSnapshot(prisma(), ["first_response_time"], today)).get("first_response_time")!;
    expect(small.percentiles).toBe("exact");
    const many = (await getKpiSnapshot(prisma(), ["first_response_time"], { ...week, exactPercentilesUpTo: small.n })).get("first_response_time")!;
    expect(many.n).toBeGreaterThan(small.n);
    expect(many.percentiles).toBe("approximate");
    // A grouped query shows means only: no percentiles to compute.
    const byTeam = (await getKpiSnapshot(prisma(), ["first_response_time"], { ...week, grouping: { by: "team" } })).get("first_response_time")!;
    expect(byTeam.median).not.toBeNull();
    expect(byTeam.groups!.length).toBeGreaterThan(1);
  }, 60_000);

  test("the daily sketches are what is read, and a rebuild from the raw rows puts a skewed one right", async () => {
    const q = { ...week, exactPercentilesUpTo: 0 };
    const before = (await getKpiSnapshot(prisma(), ["first_response_time"], q)).get("first_response_time")!;
    // Every organisation-wide first-response value of one day of the window counted a hundred times over.
    await prisma().$executeRaw`
      UPDATE kpi_sketch_daily SET counts = (SELECT array_agg(c * 100 ORDER BY i) FROM unnest(counts) WITH ORDINALITY AS u(c, i))
      WHERE id = (SELECT min(id) FROM kpi_sketch_daily WHERE measure = 'frt' AND team_id IS NULL AND channel IS NULL AND day >= ${week.from})`;
    const skewed = (await getKpiSnapshot(prisma(), ["first_response_time"], q)).get("first_response_time")!;
    expect(skewed.median).not.toBe(before.median);
    await prisma().$executeRaw`UPDATE rollup_state SET rolled_until = NULL`;
    await refreshRollups(prisma(), now);
    expect((await getKpiSnapshot(prisma(), ["first_response_time"], q)).get("first_response_time")!.median).toBe(before.median);
  }, 120_000);

  test("a value read back from its bucket is within the relative accuracy, and buckets order as their values", async () => {
    const duration = fc.oneof(fc.double({ min: 1e-3, max: 1e8, noNaN: true }), fc.integer({ min: 0, max: 10_000_000 }), fc.constant(0));
    await fc.assert(
      fc.asyncProperty(fc.array(duration, { minLength: 1, maxLength: 50 }), async (values) => {
        const rows = await prisma().$queryRaw<{ x: number; bucket: number }[]>`
          SELECT x, ${sketchBucketSql(Prisma.sql`x`)} AS bucket FROM unnest(${values}::float8[]) AS u(x) ORDER BY x`;
        for (const [i, row] of rows.entries()) {
          expect(Math.abs(sketchValue(row.bucket) - row.x)).toBeLessThanOrEqual(SKETCH_RELATIVE_ACCURACY * row.x * (1 + 1e-9));
          if (i > 0) expect(row.bucket).toBeGreaterThanOrEqual(rows[i - 1]!.bucket);
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
