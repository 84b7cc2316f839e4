import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";

// Every page type, in both themes, checked by axe-core for the WCAG 2.1 A/AA rules: no serious or
// critical violation (contrast of every text, bar labels on the dark theme included; names of
// controls; landmarks). Wall screens are checked at 1920×1080, where they are watched.

const PAGES = [
  "/",
  "/dashboards/service-levels",
  "/kpis",
  "/kpis/csat",
  "/kpis/first_response_time?preset=last_7_days",
  "/teams/billing",
  "/agents/agent-001",
  "/records/tickets?preset=last_7_days",
  "/records/calls?preset=last_7_days",
  "/competitions",
  "/import",
  "/dashboards/new",
  "/dashboards/service-overview/edit",
  "/settings/users",
  "/settings/keys",
  "/settings/screens",
  "/settings/targets",
  "/settings/service-levels",
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`) }));
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Charts draw after layout; numbers animate in (reduced motion makes that instant).
  await expect(page.locator('[aria-label="Loading"]')).toHaveCount(0);
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "theme", value: theme, url: baseURL! }]);
    });
    for (const path of PAGES) {
      test(`${path} has no serious or critical axe violation`, async ({ page }) => {
        await page.goto(path);
        await settle(page);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
    test("a ticket page has no serious or critical axe violation", async ({ page }) => {
      await page.goto("/records/tickets?preset=last_7_days");
      await page.getByRole("row").nth(1).getByRole("link").first().click();
      await expect(page).toHaveURL(/\/tickets\//);
      await settle(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("the sign-in page and a wall screen pass axe", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto("/settings/screens");
  await page.getByLabel("Name (where it hangs)").fill(`Axe wall ${Date.now().toString(36)}`);
  await page.getByLabel("Service overview").check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();

  const anonymous = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await anonymous.goto("/sign-in");
  expect(await seriousViolations(anonymous)).toEqual([]);
  await anonymous.goto(path);
  await expect(anonymous.getByTestId("tv-screen")).toBeVisible();
  await settle(anonymous);
  expect(await seriousViolations(anonymous)).toEqual([]);
  await anonymous.close();
});

test("keyboard focus is visible on every control of the dashboard", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  const invisible: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== "none";
      return { name: `${el.tagName.toLowerCase()} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`, visible: ring || shadow };
    });
    if (focus && !focus.visible) invisible.push(focus.name);
  }
  expect(invisible).toEqual([]);
});
