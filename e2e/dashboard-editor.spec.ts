import { expect, test, type Page } from "./fixtures";

import { WIDGET_KINDS } from "../lib/dashboards/widget-config";

// The editor shows the real widgets with their numbers, places new ones in the first free space,
// drags and resizes with the mouse without selecting text, and what it saves is what the
// dashboard page shows.

const place = async (page: Page, title: string) => {
  const value = await page.getByTestId("editor-widget").filter({ hasText: title }).getAttribute("data-place");
  const [x, y, w, h] = value!.split(",").map(Number) as [number, number, number, number];
  return { x, y, w, h };
};

test("a manager builds a wall from one widget of each kind, drags and resizes, and the dashboard shows what was saved", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  // A competition widget needs a competition to show.
  await page.goto("/competitions");
  const competition = page.getByTestId("competition-form");
  await competition.getByLabel("Name").fill(`Editor sprint ${stamp}`);
  await competition.locator('select[name="kpiKey"]').selectOption("tickets_solved");
  for (const agent of (await competition.locator('input[name="agents"]').all()).slice(0, 2)) await agent.check();
  await competition.getByRole("button", { name: "Create competition" }).click();
  await expect(page).toHaveURL(/\/competitions\/\d+$/);

  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill(`Wall ${stamp}`);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  for (const kind of WIDGET_KINDS) {
    await page.getByRole("button", { name: "+ Add widget" }).click();
    const form = page.getByTestId("widget-form");
    await form.locator('select[name="kind"]').selectOption(kind);
    await form.locator('input[name="title"]').fill(`W ${kind}`);
    if (kind === "text") await form.locator('textarea[name="text"]').fill("Queue rules: **answer within 20 s**.");
    if (kind === "competition") await form.locator('select[name="competitionId"]').selectOption({ label: `Editor sprint ${stamp}` });
    await form.getByRole("button", { name: "Add widget" }).click();
    const widget = page.getByTestId("editor-widget").filter({ hasText: `W ${kind}` });
    await expect(widget).toBeVisible();
    // The real widget with its data, not a placeholder or a loading shape.
    await expect(widget.getByLabel("Loading")).toHaveCount(0);
    await page.getByRole("button", { name: "Close" }).click();
  }
  await expect(page.getByTestId("editor-widget")).toHaveCount(WIDGET_KINDS.length);
  await expect(page.getByTestId("editor-widget").filter({ hasText: "W kpi_number" }).getByTestId(/-value$/)).toBeVisible();

  // The second widget fills the first row beside the first instead of stacking below it.
  const first = await place(page, `W ${WIDGET_KINDS[0]}`);
  const second = await place(page, `W ${WIDGET_KINDS[1]}`);
  expect(first).toMatchObject({ x: 0, y: 0 });
  expect(second).toMatchObject({ x: first.x + first.w, y: first.y });
  await testInfo.attach("editor-with-every-kind", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // Drag the text widget by its body two columns to the right and one row down.
  const text = page.getByTestId("editor-widget").filter({ hasText: "W text" });
  const before = await place(page, "W text");
  await text.scrollIntoViewIfNeeded();
  const box = (await text.boundingBox())!;
  const grid = (await page.getByTestId("layout-editor").boundingBox())!;
  const column = grid.width / 12;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + box.width / 2 + (step * 2 * column) / 10, box.y + box.height / 2 + (step * 100) / 10);
  await page.mouse.up();
  await expect(page.getByText("Unsaved changes to the layout.")).toBeVisible();
  const dragged = await place(page, "W text");
  expect(dragged.x).toBeGreaterThan(before.x);
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");

  // Resize the same widget one column wider from its right edge.
  const handle = text.locator(".react-resizable-handle-e");
  await handle.scrollIntoViewIfNeeded();
  const edge = (await handle.boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) await page.mouse.move(edge.x + edge.width / 2 + (step * column * 1.2) / 10, edge.y + edge.height / 2);
  await page.mouse.up();
  await expect.poll(async () => (await place(page, "W text")).w).toBeGreaterThan(dragged.w);

  // The wall preview shows the unsaved arrangement on a 1080p screen.
  await page.getByRole("tab", { name: "TV 1920×1080" }).click();
  const tv = page.frameLocator('[data-testid="tv-preview-frame"]');
  await expect(tv.getByTestId("tv-preview")).toBeVisible();
  await expect(tv.getByText("W leaderboard")).toBeVisible();
  await testInfo.attach("editor-tv-preview", { body: await page.screenshot(), contentType: "image/png" });
  await page.getByRole("tab", { name: "Desktop" }).click();

  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByText("Layout saved.")).toBeVisible();
  const saved = new Map<string, string>();
  for (const widget of await page.getByTestId("editor-widget").all()) saved.set((await widget.getAttribute("data-widget-id"))!, (await widget.getAttribute("data-place"))!);

  await page.reload();
  await expect(page.getByTestId("editor-widget")).toHaveCount(WIDGET_KINDS.length);
  for (const [id, value] of saved) await expect(page.locator(`[data-testid="editor-widget"][data-widget-id="${id}"]`)).toHaveAttribute("data-place", value);

  // The dashboard page puts every widget on the same cells of the same grid.
  await page.goto(`/dashboards/${slug}`);
  for (const [id, value] of saved) {
    const [x, y, w, h] = value.split(",").map(Number) as [number, number, number, number];
    const cell = page.locator(`.dashboard-grid > [data-widget-id="${id}"]`);
    await expect(cell).toHaveAttribute("style", new RegExp(`--col: ?${x + 1} / span ${w};.*--row: ?${y + 1} / span ${h}`));
  }
});
