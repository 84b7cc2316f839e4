import { DEMO_PASSWORD } from "../lib/demo/demo-users";

import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

test("a manager's alert that is true at once fires on Check now, in the bell and in the history", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const name = `Volume watch ${testInfo.workerIndex}-${Date.now()}`;
  await test.step("sign in as the manager and open Settings → Alerts from the menu", async () => {
    await signIn(page, "manager@northwind.example", DEMO_PASSWORD);
    await page.getByTestId("settings-menu").locator("summary").click();
    await page.getByTestId("settings-menu").getByRole("link", { name: "Alerts" }).click();
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  });

  const form = page.getByTestId("alert-rule-form");
  await test.step("bad input is named on the form", async () => {
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.locator("select[name=kpiKey]").selectOption("ticket_volume");
    await form.getByRole("textbox", { name: "Threshold" }).fill("lots");
    await form.getByRole("button", { name: "Create alert" }).click();
    await expect(form.locator("#threshold-error")).toHaveText("Must be a number.");
  });

  await test.step("ticket volume worse than 100,000 today, at once: true from the start", async () => {
    await form.getByRole("textbox", { name: "Threshold" }).fill("100000");
    await form.locator("select[name=window]").selectOption("today");
    await form.getByRole("textbox", { name: "For (minutes)" }).fill("0");
    await form.getByRole("button", { name: "Create alert" }).click();
    await expect(form.getByRole("status")).toContainText("Alert rule created");
  });

  const rule = page.getByTestId("alert-rule").filter({ hasText: name });
  await test.step("Check now fires it once: the rule is firing and the history has it", async () => {
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(rule.getByTestId("alert-state")).toHaveText("Firing");
    await expect(page.getByTestId("alert-event").filter({ hasText: name })).toHaveCount(1);
    await expect(page.getByTestId("alert-event").filter({ hasText: name })).toContainText("Still firing");
    await page.screenshot({ path: testInfo.outputPath("settings-alerts-1280x800.png"), fullPage: true });
  });

  await test.step("the manager's bell says it, with the KPI and the threshold", async () => {
    await page.reload();
    await expect(page.getByTestId("notification-count")).toBeVisible();
    await page.getByTestId("notification-bell").click();
    const entry = page.getByTestId("notification-list").getByRole("link", { name: /^Ticket volume is [\d,]+, worse than 100,000$/ }).first();
    await expect(entry).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("bell-with-alert-1280x800.png") });
    await entry.click();
    await expect(page).toHaveURL(/\/kpis\/ticket_volume\?preset=today$/);
  });
});
