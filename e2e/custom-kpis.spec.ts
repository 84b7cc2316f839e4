import { expect, test } from "./fixtures";
import { setOrganisationTarget } from "./targets";

// Issue #21's journey: a manager defines a KPI through the form, puts it on a dashboard, sets it a
// target and sees it, judged against that target, on a wall TV.
test("a custom KPI defined in the form goes on a dashboard, gets a target and shows on a TV", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const name = `Urgent and high solved ${stamp}`;
  const key = `custom_urgent_and_high_solved_${stamp}`;

  await page.goto("/settings/kpis");
  const form = page.getByTestId("custom-kpi-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Description").fill("Tickets of high or urgent priority solved in the period.");
  await form.getByLabel("Unit").selectOption("count");
  await form.getByLabel("Direction").selectOption("higher");
  // A misspelt field: the preview names the place and the problem while typing.
  await form.getByLabel("Formula").fill("count(tickets by solved where prority in (high, urgent))");
  await expect(page.getByTestId("preview-error")).toContainText('1:31: unknown field "prority"');
  await form.getByLabel("Formula").fill("count(tickets by solved where priority in (high, urgent))");
  const preview = page.getByTestId("custom-kpi-preview");
  await expect(preview).toContainText("Today");
  await expect(preview).toContainText("Last 30 days");
  await form.getByRole("button", { name: "Create KPI" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved ${key} (version 1)`);
  await expect(page.getByTestId("custom-kpis-list")).toContainText(name);

  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill(`Custom wall ${stamp}`);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/custom-wall-.*\/edit/);
  await page.getByRole("button", { name: "+ Add widget" }).click();
  const widget = page.getByTestId("widget-form");
  await widget.locator('select[name="kind"]').selectOption("kpi_number");
  await widget.locator('input[name="title"]').fill("Urgent and high solved");
  await widget.locator('select[name="kpi"]').selectOption(key);
  await widget.getByRole("button", { name: "Add widget" }).click();
  await expect(page.getByTestId("editor-widget")).toHaveCount(1);

  // A goal of one solved ticket: the demo's month has met it.
  await setOrganisationTarget(page, key, "1", "0", "0");

  await page.goto("/settings/screens");
  await page.getByLabel("Name (where it hangs)").fill(`Custom floor ${stamp}`);
  await page.getByRole("checkbox", { name: `Custom wall ${stamp}`, exact: true }).check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();

  const tv = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await tv.goto(path);
  const card = tv.getByTestId(`kpi-${key.replace(/_/g, "-")}`);
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId("target-status")).toHaveAttribute("data-status", /met|close|off|critical/);
  await tv.close();
});
