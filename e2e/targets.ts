import { expect, type Page } from "@playwright/test";

/** Sets the organisation's target for a KPI through the targets page. */
export async function setOrganisationTarget(page: Page, kpi: string, value: string, warning: string, critical: string): Promise<void> {
  await page.goto("/settings/targets");
  const form = page.getByTestId("target-form");
  await form.locator('select[name="kpiKey"]').selectOption(kpi);
  await form.locator('select[name="scope"]').selectOption("");
  await form.locator('input[name="value"]').fill(value);
  await form.locator('input[name="warning"]').fill(warning);
  await form.locator('input[name="critical"]').fill(critical);
  await form.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByText("Target saved.")).toBeVisible();
}
