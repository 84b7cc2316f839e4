import { expect, test } from "./fixtures";

// Issue #22: a dashboard prints to PDF from the browser as one light page, without controls.
test("a dashboard prints as one light page with its numbers and filters, and no controls", async ({ page }) => {
  await page.goto("/?preset=last_7_days&team=billing");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveText(/\d/);

  await page.emulateMedia({ media: "print" });
  for (const control of [page.getByRole("banner"), page.getByRole("navigation", { name: "Dashboards" }), page.getByRole("combobox", { name: "Period" }), page.getByTestId("export-menu").first()]) {
    await expect(control).toBeHidden();
  }
  await expect(page.getByTestId("print-filters")).toHaveText("Teams: Billing");
  await expect(page.getByTestId("kpi-ticket-volume-value")).toBeVisible();
  // The light theme on paper, although the viewer chose dark.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
  expect(await page.getByTestId("kpi-ticket-volume").evaluate((card) => getComputedStyle(card).backgroundColor)).toBe("rgb(255, 255, 255)");

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);

  // Back to light for the specs after this one, which share the browser's cookies.
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Switch to light theme" }).click();
});
