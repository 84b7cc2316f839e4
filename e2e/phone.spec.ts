import { expect, test, type Page } from "./fixtures";

import { DEMO_USERS } from "../lib/demo/demo-users";

const DEMO_AGENT = DEMO_USERS.find((u) => u.role === "agent")!.agent!;

// A manager checks the numbers on a phone, an agent their own page: at 390×844 every page is one
// column, nothing scrolls sideways, and every control is big enough for a thumb.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectPhoneLayout(page: Page, name: string, attach: (name: string, body: Buffer) => Promise<void>) {
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, select, input:not([type=hidden]), [role=tab]")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        // Links inside running text are sized by the text (WCAG 2.5.8 exempts them).
        if (el.tagName === "A" && getComputedStyle(el).display === "inline") return false;
        return r.height < 24 || r.width < 24;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}"`),
  );
  expect(small, `${name}: controls smaller than 24×24 px`).toEqual([]);
  await attach(name, await page.screenshot({ fullPage: true }));
}

test("a manager's dashboard, KPI page and competitions fit a phone", async ({ page }, testInfo) => {
  const attach = (name: string, body: Buffer) => testInfo.attach(`phone-${name}`, { body, contentType: "image/png" });
  for (const [name, path] of [
    ["overview", "/"],
    ["service-levels", "/dashboards/service-levels"],
    ["kpi-csat", "/kpis/csat"],
    ["team", "/teams/billing"],
    ["competitions", "/competitions"],
  ] as const) {
    await page.goto(path);
    await expectPhoneLayout(page, name, attach);
  }
});

test.describe("as an agent", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });
  test("the agent's overview and own page fit a phone", async ({ page }, testInfo) => {
    const attach = (name: string, body: Buffer) => testInfo.attach(`phone-${name}`, { body, contentType: "image/png" });
    for (const [name, path] of [
      ["agent-overview", "/"],
      ["agent-page", `/agents/${DEMO_AGENT}`],
    ] as const) {
      await page.goto(path);
      await expectPhoneLayout(page, name, attach);
    }
  });
});
