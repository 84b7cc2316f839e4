import fs from "node:fs";
import path from "node:path";

import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { createApiKey } from "@/lib/auth/api-keys";
import { GET } from "@/app/api/v1/kpis/route";
import { OFFICE_HOURS } from "@/lib/business-hours/schedule";
import { saveSchedule } from "@/lib/business-hours/save-schedule";
import { technionCallsToRecords } from "@/lib/datasets/technion-calls";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { saveCustomKpi } from "@/lib/kpi/custom/save-custom-kpi";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { updateOrgSettings } from "@/lib/org/update-org-settings";
import { useRouteDatabase } from "@/lib/testing/route-database";
import { clearRecords } from "@/lib/testing/snapshot-records";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { handleKpiRequest } from "./handle-kpi-request";
import { ZKpiParams } from "./parse-kpi-params";

const NOW = new Date("2026-03-12T12:00:00Z");

interface KpiApiBody {
  type?: string;
  status?: number;
  error?: string;
  parameter?: string;
  invalid_params?: { name: string; reason: string }[];
  window: { from: string; to: string; tz: string };
  computedAt: string;
  kpis: Record<string, { value: number | null; unit: string; n: number; groups?: unknown[]; previous?: { value: number | null } }>;
}

describeEachDatabase("GET /api/v1/kpis", ({ db }) => {
  let kpiKey = "";
  let ingestKey = "";
  useRouteDatabase(db);
  // Presets are relative to now; only Date is frozen, timers keep running for the database.
  beforeAll(() => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  beforeAll(async () => {
    kpiKey = (await createApiKey(db().prisma, { kind: "kpi", name: "reader" })).key;
    ingestKey = (await createApiKey(db().prisma, { kind: "ingest", name: "writer" })).key;
    await updateOrgSettings(db().prisma, { timeZone: "America/New_York" });
  });

  const get = async (query: string, key: string | null = kpiKey) => {
    const request = new Request(`http://localhost/api/v1/kpis?${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const response = await GET(request);
    return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as KpiApiBody };
  };

  test("401 without a key, 403 with an ingest key", async () => {
    expect((await get("keys=aht", null)).status).toBe(401);
    expect((await get("keys=aht", "dpk_wrong")).status).toBe(401);
    expect((await get("keys=aht", ingestKey)).status).toBe(403);
  });

  test.each([
    ["", "keys"],
    ["keys=aht,speed", "keys"],
    ["keys=aht&tz=Mars/Base", "tz"],
    ["keys=aht&preset=fortnight", "preset"],
    ["keys=aht&preset=today&from=2026-03-01T00:00:00Z", "preset"],
    ["keys=aht&from=2026-03-01T00:00:00Z", "to"],
    ["keys=aht&from=2026-03-01T00:00:00&to=2026-03-02T00:00:00Z", "from"],
    ["keys=aht&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"],
    ["keys=aht&from=2020-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to"],
    ["keys=aht&channel=fax", "channel"],
    ["keys=aht&groupBy=colour", "groupBy"],
    ["keys=aht&preset=last_30_days&groupBy=hour&from=x", "preset"],
    ["keys=aht&from=2025-03-02T00:00:00Z&to=2026-03-01T00:00:00Z&groupBy=hour", "groupBy"],
    ["keys=aht&compare=next", "compare"],
    ["keys=aht&hours=office", "hours"],
    ["keys=aht&group_by=team", "group_by"],
    ["keys=aht&keys=asa", "keys"],
    ["keys=aht,custom_never_saved", "keys"],
    ["keys=aht&team=%00", "team"],
    ["keys=aht&agent=a%01b", "agent"],
    ["keys=aht&queue=q&queue=%7F", "queue"],
    ["keys=aht&tz=UTC%00", "tz"],
    ["keys=aht%00", "keys"],
    ["keys=aht&team=", "team"],
    [`keys=aht&${Array.from({ length: 51 }, (_, i) => `team=t${i}`).join("&")}`, "team"],
    [`keys=aht&team=${"x".repeat(201)}`, "team"],
  ])("400 naming the parameter: ?%s", async (query, parameter) => {
    const { status, type, body } = await get(query);
    expect(status).toBe(400);
    expect(type).toBe("application/problem+json");
    expect(body).toMatchObject({ type: "urn:deskpulse:problem:invalid_parameter", status: 400, error: "invalid_parameter", parameter });
    expect(body.invalid_params?.[0]?.name).toBe(parameter);
  });

  test("every invalid parameter is listed in invalid_params", async () => {
    const { body } = await get("keys=nope&tz=Mars/Base&channel=fax&hours=office");
    expect(body.invalid_params?.map((p) => p.name)).toEqual(["keys", "tz", "channel", "hours"]);
  });

  describe("with data", () => {
    beforeAll(async () => {
      await clearRecords(db().prisma);
      // Two tickets a day around the spring-forward change in New York (8 March 2026).
      const tickets = ["2026-03-07T10:00:00-05:00", "2026-03-07T23:30:00-05:00", "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00",
        "2026-03-09T09:00:00-04:00", "2026-03-09T23:59:00-04:00"].map((createdAt, i) => ({
        externalId: `T${i}`, channel: i % 2 ? "chat" : "email", team: i < 3 ? "alpha" : "beta", status: "new", createdAt,
      }));
      const parsed = parseIngestBatch({ tickets });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      await ingestBatch(db().prisma, parsed.batch);
    });

    test("the SPEC response shape, with daily buckets keyed by local midnight across the DST change", async () => {
      const { status, body } = await get("keys=ticket_volume,csat&from=2026-03-07T00:00:00-05:00&to=2026-03-10T00:00:00-04:00&groupBy=day");
      expect(status).toBe(200);
      expect(body.window).toEqual({ from: "2026-03-07T00:00:00-05:00", to: "2026-03-10T00:00:00-04:00", tz: "America/New_York" });
      expect(typeof body.computedAt).toBe("string");
      expect(body.kpis.ticket_volume).toMatchObject({ value: 6, unit: "count", n: 6 });
      expect(body.kpis.ticket_volume!.groups).toEqual([
        { key: "2026-03-07T00:00:00-05:00", label: "2026-03-07T00:00:00-05:00", value: 2, n: 2 },
        { key: "2026-03-08T00:00:00-05:00", label: "2026-03-08T00:00:00-05:00", value: 2, n: 2 },
        { key: "2026-03-09T00:00:00-04:00", label: "2026-03-09T00:00:00-04:00", value: 2, n: 2 },
      ]);
      expect(body.kpis.csat).toMatchObject({ value: null, unit: "percent", n: 0 });
    });

    test("filters, breakdown by team, and the previous window of equal length", async () => {
      const { body } = await get("keys=ticket_volume&preset=yesterday&tz=UTC&groupBy=team&compare=previous&channel=email&channel=chat");
      // Yesterday (UTC) of 12 March is 11 March: nothing; the day before, 10 March: T5 (03:59Z).
      expect(body.window).toEqual({ from: "2026-03-11T00:00:00Z", to: "2026-03-12T00:00:00Z", tz: "UTC" });
      expect(body.kpis.ticket_volume).toMatchObject({ value: 0, previous: { value: 1 } });
      const teams = await get("keys=ticket_volume&from=2026-03-07T00:00:00Z&to=2026-03-11T00:00:00Z&groupBy=team&team=alpha");
      expect(teams.body.kpis.ticket_volume!.groups).toEqual([{ key: "alpha", label: "alpha", value: 3, n: 3 }]);
    });

    test("a custom KPI's key answers in the same shape as a built-in's, groups included", async () => {
      const { key } = await saveCustomKpi(db().prisma, { name: "Chat share API", unit: "percent", direction: "neutral", formula: "share(tickets by created, channel = chat)" });
      const { status, body } = await get(`keys=ticket_volume,${key}&from=2026-03-07T00:00:00-05:00&to=2026-03-10T00:00:00-04:00&groupBy=day&compare=previous`);
      expect(status).toBe(200);
      expect(body.kpis[key]).toMatchObject({ value: 50, unit: "percent", n: 6, numerator: 3, denominator: 6, previous: { value: null } });
      expect(body.kpis[key]!.groups).toEqual([
        { key: "2026-03-07T00:00:00-05:00", label: "2026-03-07T00:00:00-05:00", value: 50, n: 2 },
        { key: "2026-03-08T00:00:00-05:00", label: "2026-03-08T00:00:00-05:00", value: 50, n: 2 },
        { key: "2026-03-09T00:00:00-04:00", label: "2026-03-09T00:00:00-04:00", value: 50, n: 2 },
      ]);
    });

    test("hours=business measures durations inside the organisation's business hours", async () => {
      const prisma = db().prisma;
      const parsed = parseIngestBatch({ tickets: [{ externalId: "BH", channel: "email", team: "alpha", status: "open",
        createdAt: "2026-03-10T16:00:00Z", firstResponseAt: "2026-03-11T10:00:00Z" }] });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      await ingestBatch(prisma, parsed.batch);
      await saveSchedule(prisma, { kind: "org" }, { timeZone: "UTC", weeklyHours: OFFICE_HOURS, holidays: [] });
      const range = "keys=first_response_time&from=2026-03-11T00:00:00Z&to=2026-03-12T00:00:00Z";
      const business = await get(`${range}&hours=business`);
      // Tuesday 16:00-17:00 and Wednesday 09:00-10:00; 18 hours on the calendar.
      expect(business.body).toMatchObject({ hours: "business", kpis: { first_response_time: { value: 7200, n: 1 } } });
      expect((await get(range)).body).toMatchObject({ hours: "calendar", kpis: { first_response_time: { value: 18 * 3600 } } });
    });
  });
});

describeEachDatabase("the bank's real day through the KPI API", ({ db }) => {
  test("call KPIs agree with values computed independently from the raw CSV", async () => {
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, "../../../../shared/datasets/technion-bank-calls-one-day.csv"), "utf8");
    await clearRecords(db().prisma);
    const records = technionCallsToRecords(csv);
    for (let i = 0; i < records.length; i += 1000) await ingestBatch(db().prisma, { calls: records.slice(i, i + 1000) });
    const params = ZKpiParams.parse({
      keys: "calls_handled,aht,asa,abandonment_rate,service_level",
      from: "2010-08-01T00:00:00+03:00",
      to: "2010-08-02T00:00:00+03:00",
    });
    const response = await handleKpiRequest(db().prisma, params, { kind: "all" });
    const { kpis } = (await response.json()) as { kpis: Record<string, { value: number; n: number }> };

    // The independent route: straight from the source columns, in seconds of the day.
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.filter((r) => r.outcome !== "PHANTOM");
    const secs = (t: string) => t.split(":").map(Number).reduce((acc, part) => acc * 60 + part, 0);
    const answered = rows.filter((r) => r.outcome === "AGENT");
    const queued = (r: Record<string, string>) => r.q_start !== "0:00:00";
    const waits = answered.map((r) => (queued(r) ? Math.max(0, secs(r.ser_start!) - secs(r.q_start!)) : 0));
    const abandoned = rows.filter((r) => r.outcome === "HANG" && queued(r)).length;
    const offered = answered.length + abandoned;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    expect(kpis.calls_handled!.value).toBe(answered.length);
    expect(kpis.aht!.value).toBeCloseTo(mean(answered.map((r) => Number(r.ser_time))), 6);
    expect(kpis.asa!.value).toBeCloseTo(mean(waits), 6);
    expect(kpis.abandonment_rate!.value).toBeCloseTo((abandoned / offered) * 100, 6);
    expect(kpis.service_level!.value).toBeCloseTo((waits.filter((w) => w <= 20).length / offered) * 100, 6);
  });
});
