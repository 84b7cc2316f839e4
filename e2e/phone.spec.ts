import { expect, test, type Page } from "./fixtures";

import { DEMO_USERS } from "../lib/demo/demo-users";

const DEMO_AGENT = DEMO_USERS.find((u) => u.role === "agent")!.agent!;

// A manager checks the numbers on a phone, an agent their own page: at 390×844 every page is one
// column, nothing scrolls sideways, and every control is big enough for a thumb.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.describe.configure({ timeout: 90_000 });

/** Checks the open page and answers its full-page screenshot, to attach to the test. */
async function expectPhoneLayout(page: Page, name: string): Promise<Buffer> {
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, select, input:not([type=hidden]), [role=tab]")]
      .filter((el) => {
        // Options of a closed menu are not on the screen to be touched.
        if (!el.checkVisibility() || el.getBoundingClientRect().width === 0) return false;
        // Links inside running text are sized by the text (WCAG 2.5.8 exempts them).
        if (el.tagName === "A" && getComputedStyle(el).display === "inline") return false;
        // A tap on a checkbox's or radio's label ticks it: the label is the target.
        const r = (el.closest("label") ?? el).getBoundingClientRect();
        return r.height < 24 || r.width < 24;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}"`),
  );
  expect(small, `${name}: controls smaller than 24×24 px`).toEqual([]);
  return page.screenshot({ fullPage: true });
}

for (const [name, path] of [
  ["overview", "/"],
  ["service-levels", "/dashboards/service-levels"],
  ["kpi-csat", "/kpis/csat"],
  ["team", "/teams/billing"],
  ["competitions", "/competitions"],
] as const) {
  test(`a manager's ${name} page fits a phone`, async ({ page }, testInfo) => {
    await page.goto(path);
    await testInfo.attach(`phone-${name}`, { body: await expectPhoneLayout(page, name), contentType: "image/png" });
  });
}

test.describe("as an agent", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });
  for (const [name, path] of [
    ["agent-overview", "/"],
    ["agent-page", `/agents/${DEMO_AGENT}`],
  ] as const) {
    test(`the agent's ${name} fits a phone`, async ({ page }, testInfo) => {
      await page.goto(path);
      await testInfo.attach(`phone-${name}`, { body: await expectPhoneLayout(page, name), contentType: "image/png" });
    });
  }
});
