import { expect, test, type Page } from "./fixtures";
import { createApiKey, ingest, ticketsSolvedJustNow } from "./ingest";

async function addWidget(page: Page, kind: string, title: string, count: number, extra?: (form: ReturnType<Page["getByTestId"]>) => Promise<unknown>) {
  await page.getByRole("button", { name: "+ Add widget" }).click();
  const form = page.getByTestId("widget-form");
  await form.locator('select[name="kind"]').selectOption(kind);
  await form.locator('input[name="title"]').fill(title);
  await extra?.(form);
  await form.getByRole("button", { name: "Add widget" }).click();
  await expect(page.getByTestId("editor-widget")).toHaveCount(count);
}

interface WallProblems {
  smallest: number;
  smallText: string[];
  overlaps: string[];
  cutRows: string[];
}

/**
 * What cannot be read from across the room: text below `minPx` (computed font-size, SVG text
 * scaled by its drawing), two text boxes of one widget on top of each other, and list rows not
 * wholly inside their widget.
 */
function wallProblems(page: Page, minPx: number): Promise<WallProblems> {
  return page.evaluate((min) => {
    const grid = document.querySelector("[data-testid=tv-screen] .tv-grid")!;
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && !el.closest("[aria-hidden=true]");
    const boxes = new Map<Element, { text: string; rect: DOMRect }[]>();
    const smallText: string[] = [];
    let smallest = Infinity;
    const walker = document.createTreeWalker(grid, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      const parent = node.parentElement!;
      if (!text || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const svg = parent.closest("svg");
      const scale = svg && parent instanceof SVGGraphicsElement ? Math.abs(parent.getScreenCTM()?.a ?? 1) : 1;
      const size = parseFloat(getComputedStyle(parent).fontSize) * scale;
      smallest = Math.min(smallest, size);
      if (size < min - 0.05) smallText.push(`${text} (${size.toFixed(1)}px)`);
      // A truncated name is drawn only inside its box.
      const clip = parent.getBoundingClientRect();
      const left = Math.max(r.left, clip.left), right = Math.min(r.right, clip.right);
      const top = Math.max(r.top, clip.top), bottom = Math.min(r.bottom, clip.bottom);
      if (right <= left || bottom <= top) continue;
      const widget = parent.closest("section") ?? grid;
      boxes.set(widget, [...(boxes.get(widget) ?? []), { text, rect: new DOMRect(left, top, right - left, bottom - top) }]);
    }
    const overlaps: string[] = [];
    for (const list of boxes.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i]!.rect, list[j]!.rect];
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 1) overlaps.push(`"${list[i]!.text}" / "${list[j]!.text}"`);
        }
      }
    }
    const cutRows: string[] = [];
    for (const row of grid.querySelectorAll("[data-fitted-row], [data-testid=competition-podium] > li")) {
      if (!shown(row)) continue;
      const r = row.getBoundingClientRect();
      const frame = row.closest("section")!.getBoundingClientRect();
      const list = row.parentElement!.getBoundingClientRect();
      const inside = (outer: DOMRect) => r.top >= outer.top - 0.5 && r.bottom <= outer.bottom + 0.5 && r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5;
      if (!inside(frame) || !inside(list)) cutRows.push(row.textContent!.trim().slice(0, 40));
    }
    return { smallest, smallText, overlaps, cutRows };
  }, minPx);
}

test("every widget kind reads from across the room at 1080p and 4K, and the playlist plays in the order the manager set", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const attempt = testInfo.retry + 1;
  // Three agents on the podium whatever the demo's today holds (near empty in the small hours).
  const key = await createApiKey(page, `Podium feed ${attempt}`, "ingest");
  await ingest(page, key, { tickets: ["agent-001", "agent-002", "agent-003"].flatMap((agent, i) => ticketsSolvedJustNow(agent, 3 - i, `WALL-${attempt}-${agent}`)) });
  await page.goto("/competitions");
  const competition = page.getByTestId("competition-form");
  await competition.getByLabel("Name").fill(`Wall sprint ${attempt}`);
  await competition.locator('select[name="kpiKey"]').selectOption("tickets_solved");
  for (const agent of ["agent-001", "agent-002", "agent-003", "agent-004", "agent-005", "agent-006"]) await competition.locator(`input[name="agents"][value="${agent}"]`).check();
  await competition.getByLabel("Goal (optional)").fill("40");
  await competition.getByLabel("Prize (optional)").fill("Pizza for the winning desk");
  await competition.getByRole("button", { name: "Create competition" }).click();
  await expect(page).toHaveURL(/\/competitions\/\d+$/);

  // The kinds the two built-in dashboards lack: with them the playlist holds every widget kind.
  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill(`Wall kinds ${attempt}`);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/wall-kinds-\d+\/edit/);
  const slug = page.url().split("/").at(-2)!;
  await addWidget(page, "gauge", "Satisfaction gauge", 1, (f) => f.locator('select[name="kpi"]').selectOption("csat"));
  await addWidget(page, "competition", "Sprint", 2, (f) => f.locator('select[name="competitionId"]').selectOption({ label: `Wall sprint ${attempt}` }));
  await addWidget(page, "achievements_feed", "Latest achievements", 3);
  await addWidget(page, "text", "Notice", 4, (f) => f.locator('textarea[name="text"]').fill("Stand-up at 10:00 by the big window."));

  await page.goto("/settings/screens");
  const name = `Wall test ${attempt}`;
  await page.getByLabel("Name (where it hangs)").fill(name);
  await page.getByLabel("Seconds per dashboard").fill("10");
  for (const dashboard of ["Service overview", "Service levels", `Wall kinds ${attempt}`]) await page.getByLabel(dashboard, { exact: true }).check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();
  const token = path.split("/").pop()!;

  // The checkboxes give alphabetical order; the manager puts the wall-kinds slide first, by keyboard.
  const playlist = page.getByTestId("screens-list").getByRole("row", { name: new RegExp(name) }).getByTestId("screen-slide");
  await expect(playlist).toHaveText([/Service levels/, /Service overview/, new RegExp(`Wall kinds ${attempt}`)]);
  for (let i = 0; i < 2; i++) {
    const earlier = page.getByRole("button", { name: `Move Wall kinds ${attempt} earlier` });
    await earlier.focus();
    await page.keyboard.press("Enter");
    await expect(playlist.nth(1 - i)).toContainText(`Wall kinds ${attempt}`);
  }
  await expect(page.getByRole("button", { name: `Move Wall kinds ${attempt} earlier` })).toBeDisabled();
  await expect(playlist).toHaveText([new RegExp(`Wall kinds ${attempt}`), /Service levels/, /Service overview/]);
  const order = (await (await page.request.get(`/api/v1/tv/${token}`)).json()) as { dashboards: { slug: string }[] };
  expect(order.dashboards.map((d) => d.slug)).toEqual([slug, "service-levels", "service-overview"]);

  const tv = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${path}?poll=2000`);
  const screen = tv.getByTestId("tv-screen");
  // The screen plays them in that order.
  for (const expected of [slug, "service-levels", "service-overview"]) await expect(screen).toHaveAttribute("data-dashboard", expected, { timeout: 15_000 });

  for (const [width, height, minPx] of [[1920, 1080, 16], [3840, 2160, 32]] as const) {
    await tv.setViewportSize({ width, height });
    for (const expected of [slug, "service-levels", "service-overview"]) {
      await expect(screen).toHaveAttribute("data-dashboard", expected, { timeout: 35_000 });
      await expect(tv.locator(".tv-grid section").first()).toBeVisible();
      if (expected === slug) await expect(tv.getByTestId("competition-podium")).toBeVisible();
      await testInfo.attach(`wall-${expected}-${width}x${height}`, { body: await tv.screenshot(), contentType: "image/png" });
      await expect.poll(async () => wallProblems(tv, minPx), { timeout: 5_000 }).toMatchObject({ smallText: [], overlaps: [], cutRows: [] });
      const problems = await wallProblems(tv, minPx);
      expect(problems.smallest).toBeGreaterThanOrEqual(minPx);
    }
  }
  await tv.close();
});
