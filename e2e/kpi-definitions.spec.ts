import { KPI_CATALOG } from "../lib/kpi/catalog";

import { expect, test } from "./fixtures";

test("the definitions page lists every KPI of the catalog in plain words, with its formula, unit and direction", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Definitions" }).click();
  await expect(page.getByRole("heading", { name: "KPI definitions" })).toBeVisible();
  for (const kpi of KPI_CATALOG) {
    const entry = page.locator(`[id="${kpi.key}"]`);
    await expect(entry).toContainText(kpi.name);
    // The plain sentence first, the formula below it.
    await expect(entry.getByTestId("kpi-plain")).toHaveText(kpi.plain);
    await expect(entry).toContainText(kpi.definition);
  }
  await expect(page.locator('[id="nps"]')).toContainText("Higher is better");
  await expect(page.locator('[id="aht"]')).toContainText("mean, median, p90");
});
