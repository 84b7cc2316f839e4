import { expect, test } from "vitest";

import { parseDashboardFilters, filtersToSearch, filtersWindow } from "./dashboard-filters";

test("URL filters parse, name the bad parameter, and print back in a stable order", () => {
  const parsed = parseDashboardFilters({ team: ["b", "a"], channel: "email", preset: "last_7_days" });
  if (!parsed.ok) throw new Error("expected filters");
  expect(filtersToSearch(parsed.filters)).toBe("?preset=last_7_days&team=a&team=b&channel=email");
  expect(parseDashboardFilters({ channel: "fax" })).toMatchObject({ ok: false, parameter: "channel" });
  expect(parseDashboardFilters({ preset: "forever" })).toMatchObject({ ok: false, parameter: "preset" });
  expect(parseDashboardFilters({ from: "2026-11-01" })).toMatchObject({ ok: false, parameter: "from" });
  expect(parseDashboardFilters({ from: "2026-11-05", to: "2026-11-01" })).toMatchObject({ ok: false, parameter: "to" });
  expect(parseDashboardFilters({ from: "2024-01-01", to: "2026-11-01" })).toMatchObject({ ok: false, parameter: "to" });
  expect(parseDashboardFilters({ preset: "today", from: "2026-11-01", to: "2026-11-02" })).toMatchObject({ ok: false, parameter: "preset" });
});

test("a custom range is whole local days, both included, across a DST change", () => {
  const parsed = parseDashboardFilters({ from: "2026-03-28", to: "2026-03-29" });
  if (!parsed.ok) throw new Error("expected filters");
  const window = filtersWindow(parsed.filters, new Date(), "Europe/Berlin");
  expect(window.from.toISOString()).toBe("2026-03-27T23:00:00.000Z");
  expect(window.to.toISOString()).toBe("2026-03-29T22:00:00.000Z");
});
