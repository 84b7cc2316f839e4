import { expect, test } from "vitest";

import { NO_DASHBOARD_FILTERS, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";

import { describeLockedFilters, lockedDimensions, unlockedFilters, withLockedFilters } from "./locked-filters";

const locked: DashboardFilters = { ...NO_DASHBOARD_FILTERS, preset: "last_7_days", team: ["billing"] };
const asked: DashboardFilters = { preset: null, range: { from: "2026-01-01", to: "2026-01-31" }, team: ["sales"], channel: ["chat"], queue: ["vip"] };

test("a locked dimension takes the link's value whatever the viewer asks; the others are the viewer's", () => {
  expect(withLockedFilters(asked, locked)).toEqual({ preset: "last_7_days", range: null, team: ["billing"], channel: ["chat"], queue: ["vip"] });
  expect(withLockedFilters(NO_DASHBOARD_FILTERS, locked)).toEqual(locked);
  expect(withLockedFilters(asked, NO_DASHBOARD_FILTERS)).toEqual(asked);
});

test("a locked custom range locks the period as a preset does", () => {
  const range: DashboardFilters = { ...NO_DASHBOARD_FILTERS, range: { from: "2026-02-01", to: "2026-02-07" } };
  expect(withLockedFilters({ ...asked, range: null, preset: "today" }, range)).toMatchObject({ preset: null, range: range.range });
  expect(lockedDimensions(range)).toEqual({ period: true, team: false, channel: false, queue: false });
});

test("the filter bar keeps only what the viewer chose among the unlocked filters", () => {
  expect(unlockedFilters(asked, locked)).toEqual({ preset: null, range: null, team: [], channel: ["chat"], queue: ["vip"] });
});

test("locked filters in words, by the names the viewer knows", () => {
  const names = { team: new Map([["billing", "Billing"]]), channel: new Map([["email", "Email"]]) };
  expect(describeLockedFilters({ ...locked, channel: ["email"] }, names)).toEqual(["Last 7 days", "Billing", "Email"]);
  expect(describeLockedFilters(NO_DASHBOARD_FILTERS, names)).toEqual([]);
});
