import { expect, test } from "./fixtures";

test("a most-improved leaderboard in anonymous mode ranks by change and shows initials only", async ({ page }, testInfo) => {
  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill(`Fair boards ${testInfo.retry + 1}`);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/fair-boards-\d+\/edit/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await page.getByRole("button", { name: "+ Add widget" }).click();
  const form = page.getByTestId("widget-form");
  await form.locator('select[name="kind"]').selectOption("leaderboard");
  await form.locator('input[name="title"]').fill("Most improved: tickets solved");
  await form.locator('select[name="kpi"]').selectOption("tickets_solved");
  await form.locator('select[name="ranking"]').selectOption("improvement");
  await form.getByLabel(/Anonymous/).check();
  await form.locator('select[name="window"]').selectOption("last_30_days");
  await form.getByRole("button", { name: "Add widget" }).click();
  await expect(page.getByTestId("editor-widget")).toHaveCount(1);

  await page.goto(`/dashboards/${slug}`);
  const board = page.getByTestId("leaderboard");
  const rows = board.getByTestId("leaderboard-row");
  await expect(rows.first()).toBeVisible();
  const labels = await rows.locator("span.truncate").allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  for (const label of labels) expect(label.trim()).toMatch(/^([A-Z]\. ?){1,3}$/);
  await expect(board.getByRole("link")).toHaveCount(1); // only the title's drill-down link
  const changes = (await board.getByTestId("leaderboard-change").allTextContents()).map((t) => Number(t.replace("−", "-").replace("±", "")));
  expect(changes.length).toBeGreaterThan(1);
  // Ranked by the change, biggest improvement first.
  expect([...changes].sort((a, b) => b - a)).toEqual(changes);

  // Nothing on an anonymous dashboard names anyone: not the rows, not the achievements it would celebrate.
  const api = await page.request.get(`/api/v1/dashboards/${slug}`);
  expect(await api.text()).not.toMatch(/agent-\d{3}/);
});
