import { beforeAll, expect, test } from "vitest";

import { GET } from "@/app/api/v1/dashboards/[slug]/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { useRouteDatabase } from "@/lib/testing/route-database";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { parseDashboardFilters } from "./dashboard-filters";
import { ensureDefaultDashboard } from "./default-dashboard";

describeEachDatabase("GET /api/v1/dashboards/<slug>", ({ db }) => {
  let key = "";
  useRouteDatabase(db);
  beforeAll(async () => {
    key = (await createApiKey(db().prisma, { kind: "kpi", name: "wall" })).key;
    await ensureDefaultDashboard(db().prisma);
  });

  const get = (slug: string, search = "", headers: Record<string, string> = {}) =>
    GET(new Request(`http://localhost/api/v1/dashboards/${encodeURIComponent(slug)}${search}`, { headers: { authorization: `Bearer ${key}`, ...headers } }), {
      params: Promise.resolve({ slug }),
    });

  test("the snapshot with its ETag, then 304 for the same numbers", async () => {
    const first = await get("service-overview", "?preset=today");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(await first.json()).toHaveProperty("widgets");
    expect((await get("service-overview", "?preset=today", { "if-none-match": etag })).status).toBe(304);
  });

  test.each([
    ["?team=%00", "team"],
    ["?queue=a%0Ab", "queue"],
    ["?preset=today%00", "preset"],
    ["?from=2026-01-01%00&to=2026-01-02", "from"],
    ["?channel=fax", "channel"],
    ["?from=2024-01-01&to=2026-01-02", "to"],
  ])("400 naming the parameter: %s", async (search, parameter) => {
    const response = await get("service-overview", search);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 400, error: "invalid_parameter", parameter, invalid_params: [{ name: parameter }] });
  });

  test("404 for a slug with a control character and for an unknown dashboard", async () => {
    for (const slug of ["service\u0000overview", "no-such-dashboard"]) {
      const response = await get(slug);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: "not_found" });
    }
  });
});

test("pages get the same checks from parseDashboardFilters", () => {
  expect(parseDashboardFilters({ team: "\u0000" })).toEqual({ ok: false, parameter: "team", message: "must not contain control characters" });
  expect(parseDashboardFilters({ queue: ["ok", "x\u0007"] })).toMatchObject({ ok: false, parameter: "queue" });
  expect(parseDashboardFilters({ team: Array.from({ length: 51 }, (_, i) => `t${i}`) })).toMatchObject({ ok: false, parameter: "team" });
  expect(parseDashboardFilters({ team: "billing", preset: "today" })).toEqual({
    ok: true,
    filters: { preset: "today", range: null, team: ["billing"], channel: [], queue: [] },
  });
});
