import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";

// Every page type, in both themes, checked by axe-core for the WCAG 2.1 A/AA rules: no serious or
// critical violation (contrast of every text, bar labels on the dark theme included; names of
// controls; landmarks). Wall screens are checked at 1920×1080, where they are watched. A page is
// loaded and settled once and checked in the light theme, then in the dark one by switching the
// class the theme toggle switches. The dashboards and records show the last seven days so that
// their charts have bars and labels to check.

type Theme = "light" | "dark";
const THEMES: Theme[] = ["light", "dark"];

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

async function showTheme(page: Page, theme: Theme) {
  await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
  // Colours that fade between themes are read once they have arrived.
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
}

/** Serious and critical violations of the open page in each theme, keyed by theme. */
async function violationsInBothThemes(page: Page) {
  const found: Partial<Record<Theme, Awaited<ReturnType<typeof seriousViolations>>>> = {};
  for (const theme of THEMES) {
    await showTheme(page, theme);
    const violations = await seriousViolations(page);
    if (violations.length) found[theme] = violations;
  }
  return found;
}

// One page of each type; a test per page keeps each within its time on a loaded machine and names
// the page that fails.
const PAGES = [
  "/?preset=last_7_days",
  "/dashboards/service-levels?preset=last_7_days",
  "/kpis",
  "/kpis/first_response_time?preset=last_7_days",
  "/teams/billing?preset=last_7_days",
  "/agents/agent-001?preset=last_7_days",
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
  "/settings/connections",
];

test.describe.configure({ timeout: 90_000 });

for (const path of PAGES) {
  test(`${path} has no serious or critical axe violation in either theme`, async ({ page }) => {
    await page.goto(path);
    await settle(page);
    expect(await violationsInBothThemes(page)).toEqual({});
  });
}

test("the ticket list and a ticket page have no serious or critical axe violation in either theme", async ({ page }) => {
  await page.goto("/records/tickets?preset=last_7_days");
  await settle(page);
  expect(await violationsInBothThemes(page)).toEqual({});
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tickets\//);
  await settle(page);
  expect(await violationsInBothThemes(page)).toEqual({});
});

test("the sign-in page and a wall screen have no serious or critical axe violation in either theme", async ({ page, browser, baseURL }) => {
  await page.goto("/settings/screens");
  await page.getByLabel("Name (where it hangs)").fill(`Axe wall ${Date.now().toString(36)}`);
  await page.getByLabel("Service overview").check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();

  const anonymous = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 }, reducedMotion: "reduce" });
  try {
    const wall = await anonymous.newPage();
    await wall.goto("/sign-in");
    expect(await violationsInBothThemes(wall)).toEqual({});
    await wall.goto(path);
    await expect(wall.getByTestId("tv-screen")).toBeVisible();
    await settle(wall);
    expect(await violationsInBothThemes(wall)).toEqual({});
  } finally {
    await anonymous.close();
  }
});

test("keyboard focus is visible on every control of the dashboard in either theme", async ({ page, context, baseURL }) => {
  for (const theme of THEMES) {
    // Loaded afresh so that tabbing starts at the top of the page.
    await context.addCookies([{ name: "theme", value: theme, url: baseURL! }]);
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
    expect(invisible, `${theme} theme`).toEqual([]);
  }
});
