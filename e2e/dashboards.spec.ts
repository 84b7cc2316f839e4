import { DEMO_PASSWORD } from "../lib/demo/demo-users";
import { formatKpiValue } from "../lib/kpi/format-kpi-value";

import { expect, test, type Page } from "./fixtures";
import { isolatedServer } from "./isolated-server";
import { signIn } from "./sign-in";
import { setOrganisationTarget } from "./targets";

const number = async (page: Page, testId: string) => Number((await page.getByTestId(testId).first().textContent())!.replace(/[^\d.-]/g, ""));

test("filters change the URL and the numbers, and back/forward restore them", async ({ page }, testInfo) => {
  await page.goto("/");
  const today = await number(page, "kpi-ticket-volume-value");
  await page.getByLabel("Period").selectOption("last_30_days");
  await expect(page).toHaveURL(/preset=last_30_days/);
  await expect.poll(() => number(page, "kpi-ticket-volume-value")).toBeGreaterThan(today);
  const month = await number(page, "kpi-ticket-volume-value");

  await page.locator("summary", { hasText: "All teams" }).click();
  await page.getByLabel("Billing", { exact: true }).click();
  await expect(page).toHaveURL(/team=billing/);
  await expect.poll(() => number(page, "kpi-ticket-volume-value")).toBeLessThan(month);
  const billing = await number(page, "kpi-ticket-volume-value");
  const api = await page.request.get("/api/v1/kpis?keys=ticket_volume&preset=last_30_days&team=billing");
  expect((await api.json()).kpis.ticket_volume.value).toBe(billing);
  await testInfo.attach("overview-filtered-1280x800", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.goBack();
  await expect(page).not.toHaveURL(/team=billing/);
  await expect.poll(() => number(page, "kpi-ticket-volume-value")).toBe(month);
  await page.goForward();
  await expect.poll(() => number(page, "kpi-ticket-volume-value")).toBe(billing);

  // A shared link reproduces the view.
  const other = await page.context().newPage();
  await other.goto(page.url());
  expect(await number(other, "kpi-ticket-volume-value")).toBe(billing);
  await other.setViewportSize({ width: 1920, height: 1080 });
  await testInfo.attach("overview-1920x1080", { body: await other.screenshot({ fullPage: true }), contentType: "image/png" });
  await other.close();
});

test("a number card's (i) explains the KPI and leads to its median and p90 for the same period, saying whether they are exact", async ({ page }) => {
  await page.goto("/?preset=last_30_days");
  await page.getByRole("button", { name: "How First response time is computed" }).click();
  const popover = page.locator("[popover]:popover-open");
  await expect(popover).toContainText("Mean of firstResponseAt");
  await popover.getByRole("link", { name: /Median, p90 and trend/ }).click();
  await expect(page).toHaveURL(/\/kpis\/first_response_time\?preset=last_30_days/);
  const api = (await (await page.request.get("/api/v1/kpis?keys=first_response_time&preset=last_30_days")).json()).kpis.first_response_time;
  await expect(page.getByTestId("kpi-median")).toHaveText(formatKpiValue(api.median, "seconds"));
  await expect(page.getByTestId("kpi-p90")).toHaveText(formatKpiValue(api.p90, "seconds"));
  expect(["exact", "approximate"]).toContain(api.percentiles);
  await expect(page.getByTestId("kpi-percentiles-approximate")).toHaveCount(api.percentiles === "approximate" ? 1 : 0);
});

test("KPI → team → agent → tickets: each level's count agrees with the KPI API", async ({ page }) => {
  const api = async (query: string) => (await (await page.request.get(`/api/v1/kpis?keys=tickets_solved&preset=last_30_days${query}`)).json()).kpis.tickets_solved.value as number;
  await page.goto("/?preset=last_30_days");
  await page.getByTestId("kpi-tickets-solved").getByRole("link", { name: "Tickets solved" }).click();
  await expect(page.getByRole("heading", { name: "Tickets solved", level: 1 })).toBeVisible();
  expect(await number(page, "kpi-page-value")).toBe(await api(""));

  const teamRow = page.getByTestId("team-row").filter({ hasText: "Billing" });
  expect(Number((await teamRow.getByTestId("team-value").textContent())!.replace(/,/g, ""))).toBe(await api("&team=billing"));
  await teamRow.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
  expect(await number(page, "team-tickets_solved")).toBe(await api("&team=billing"));

  const agentRow = page.getByTestId("agent-row").first();
  const agentValue = Number((await agentRow.getByTestId("agent-value").textContent())!.replace(/,/g, ""));
  await agentRow.getByRole("link").click();
  await expect(page).toHaveURL(/\/agents\//);
  const agent = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  expect(await number(page, "agent-kpi-tickets_solved-value")).toBe(agentValue);
  expect(agentValue).toBe(await api(`&team=billing&agent=${agent}`));

  await page.getByTestId("agent-tickets-link").click();
  await expect(page.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
  await expect(page.getByTestId("records-total")).toContainText(`of ${agentValue}`);
  await expect(page.getByTestId("record-row")).toHaveCount(Math.min(25, agentValue));

  // Sorting is in the URL too.
  await page.getByRole("link", { name: /^Created/ }).click();
  await expect(page).toHaveURL(/sort=createdAt/);
  await page.getByTestId("record-row").first().getByRole("link").click();
  await expect(page.getByTestId("ticket-messages")).toBeVisible();
});

test("a manager creates a dashboard with three widgets and finds it saved after a reload", async ({ page }) => {
  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill("Morning check");
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboards\/morning-check\/edit$/);

  const add = async (kind: string, title: string, configure?: () => Promise<unknown>) => {
    await page.getByRole("button", { name: "+ Add widget" }).click();
    const form = page.getByTestId("widget-form");
    await form.locator('select[name="kind"]').selectOption(kind);
    await form.locator('input[name="title"]').fill(title);
    await configure?.();
    await form.getByRole("button", { name: "Add widget" }).click();
    await expect(page.getByTestId("editor-widget").filter({ hasText: title })).toBeVisible();
    await page.getByRole("button", { name: "Close" }).click();
  };
  await add("kpi_number", "CSAT now", () => page.getByTestId("widget-form").locator('select[name="kpi"]').selectOption("csat"));
  await add("time_series", "Volume trend");
  await add("leaderboard", "Fastest first replies", () => page.getByTestId("widget-form").locator('select[name="kpi"]').selectOption("first_response_time"));

  // Arranged from the keyboard: move one widget right and make it wider, then save.
  await page.getByRole("button", { name: "Move CSAT now right" }).press("Enter");
  await page.getByRole("button", { name: "Make CSAT now wider" }).press("Enter");
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByText("Layout saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("editor-widget")).toHaveCount(3);
  const csat = await page.evaluate(async () => (await (await fetch("/api/v1/dashboards/morning-check")).json()) as { widgets: Record<string, { kind: string }> });
  expect(Object.values(csat.widgets).map((w) => w.kind).sort()).toEqual(["kpi_number", "leaderboard", "time_series"]);
  await page.goto("/dashboards/morning-check?preset=last_30_days");
  await expect(page.getByRole("heading", { name: "Morning check" })).toBeVisible();
  await expect(page.getByTestId("kpi-csat-value")).toHaveText(/%$/);
  await expect(page.getByTestId("time-series")).toBeVisible();
  await expect(page.getByTestId("leaderboard-row").first()).toBeVisible();
});

test("setting a target colours the widget, with a label, not colour alone", async ({ page }) => {
  const status = () => page.getByTestId("kpi-csat").first().getByTestId("target-status");

  await setOrganisationTarget(page, "csat", "99.5", "99", "98");
  await page.goto("/?preset=last_30_days");
  await expect(status()).toHaveAttribute("data-status", "critical");
  await expect(status()).toContainText("Critical");

  await setOrganisationTarget(page, "csat", "20", "10", "5");
  await page.goto("/?preset=last_30_days");
  await expect(status()).toHaveAttribute("data-status", "met");
  await expect(status()).toContainText("Goal met");
});

test("when the server goes away the numbers stay, with a warning, then a stale mark; it never goes blank", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await isolatedServer("e2e-outage", 3197, [["demo", "seed", "--tickets", "300"]]);
  try {
    await server.start();
    const page = await browser.newPage({ baseURL: server.base, storageState: { cookies: [], origins: [] } });
    await signIn(page, "manager@northwind.example", DEMO_PASSWORD);
    await page.goto("/dashboards/service-overview/edit");
    await page.getByLabel("Refresh every (seconds)").fill("5");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved.")).toBeVisible();

    await page.goto("/?preset=last_30_days");
    const before = await page.getByTestId("kpi-ticket-volume-value").textContent();
    await expect(page.getByTestId("updated-ago")).toContainText("every 5 s");
    server.stop();

    await expect(page.getByTestId("poll-warning")).toContainText("Can’t reach the server", { timeout: 20_000 });
    await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveText(before!);
    await expect(page.getByTestId("kpi-ticket-volume")).toHaveAttribute("data-stale", "true", { timeout: 20_000 });
    await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveText(before!);
    await page.close();
  } finally {
    server.stop();
  }
});
