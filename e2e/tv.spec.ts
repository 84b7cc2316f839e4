import { expect, test, type Page } from "./fixtures";
import { createApiKey, ingest } from "./ingest";
import { isolatedServer } from "./isolated-server";
import { setOrganisationTarget } from "./targets";

/** No widget's content is cut off and the page does not scroll. */
async function expectNothingClipped(page: Page) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=tv-screen] section")].filter((s) => s.scrollHeight > s.clientHeight + 1).map((s) => s.querySelector("h2")?.textContent),
  );
  expect(clipped).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
}

test("a screen rotates through its playlist in order, laid out for 1080p and 4K, and disconnects when revoked", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // A second dashboard for the playlist.
  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill("Queue wall");
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/queue-wall\/edit/);
  await page.getByRole("button", { name: "+ Add widget" }).click();
  await page.getByTestId("widget-form").locator('select[name="kind"]').selectOption("live_queue");
  await page.getByTestId("widget-form").locator('input[name="title"]').fill("Right now");
  await page.getByTestId("widget-form").getByRole("button", { name: "Add widget" }).click();
  await expect(page.getByTestId("editor-widget")).toHaveCount(1);

  await page.goto("/settings/screens");
  await page.getByLabel("Name (where it hangs)").fill("Support floor");
  await page.getByLabel("Seconds per dashboard").fill("10");
  await page.getByRole("checkbox", { name: "Service overview", exact: true }).check();
  await page.getByRole("checkbox", { name: "Queue wall", exact: true }).check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();
  expect(path).toMatch(/^\/tv\/dps_/);

  const tv = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${path}?poll=1000`);
  const screen = tv.getByTestId("tv-screen");
  for (const [slug, name] of [["service-overview", "Service overview"], ["queue-wall", "Queue wall"], ["service-overview", "Service overview"]] as const) {
    await expect(screen).toHaveAttribute("data-dashboard", slug, { timeout: 15_000 });
    await expect(tv.getByTestId("tv-dashboard-name")).toHaveText(name);
    await expect(tv.getByTestId("tv-clock")).toHaveText(/^\d\d:\d\d$/);
  }
  for (const [width, height] of [[1920, 1080], [3840, 2160]] as const) {
    await tv.setViewportSize({ width, height });
    for (const slug of ["service-overview", "queue-wall"]) {
      await expect(screen).toHaveAttribute("data-dashboard", slug, { timeout: 15_000 });
      await expect(async () => expectNothingClipped(tv)).toPass({ timeout: 5_000 });
      await testInfo.attach(`tv-${slug}-${width}x${height}`, { body: await tv.screenshot(), contentType: "image/png" });
    }
  }

  // The TV's token opens its screen and nothing else.
  const token = path.split("/").pop()!;
  for (const url of ["/api/v1/kpis?keys=csat", "/api/v1/dashboards/service-overview"]) {
    expect((await tv.request.get(url, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(403);
  }
  expect((await tv.request.get("/settings/screens", { maxRedirects: 0 })).status()).toBe(307);

  // Revoking disconnects the running screen at its next poll.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.goto("/settings/screens");
  await page.getByTestId("screens-list").getByRole("row", { name: /Support floor/ }).getByRole("button", { name: "Disconnect" }).click();
  await expect(tv.getByTestId("tv-disconnected")).toContainText("This screen was disconnected", { timeout: 15_000 });
  await tv.goto(path);
  await expect(tv.getByTestId("tv-disconnected")).toBeVisible();
  await tv.close();
});

test("a screen keeps its numbers with a stale badge while the server is down, and recovers by itself", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await isolatedServer("e2e-tv", 3196, [
    ["demo", "seed", "--tickets", "300"],
    ["screens", "create", "--name", "Lobby", "--dashboard", "service-overview", "--rotate", "30"],
    ["keys", "create", "--kind", "ingest", "--name", "feed"],
  ]);
  const [, path, key] = server.cli;
  try {
    await server.start();
    const tv = await browser.newPage({ baseURL: server.base, storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
    await tv.goto(`${path}?poll=2000`);
    const volume = tv.getByTestId("kpi-ticket-volume-value");
    const before = (await volume.textContent())!;

    server.stop();
    await expect(tv.getByTestId("tv-stale")).toContainText(/Stale since \d\d:\d\d/, { timeout: 10_000 });
    await expect(volume).toHaveText(before);
    await expect(tv.getByTestId("tv-screen")).toBeVisible();

    await server.start();
    await expect(tv.getByTestId("tv-stale")).toHaveCount(0, { timeout: 60_000 });
    const ingest = await fetch(`${server.base}/api/v1/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ tickets: [{ externalId: "TV-NEW-1", channel: "chat", status: "new", createdAt: new Date().toISOString() }] }),
    });
    expect(ingest.status).toBe(200);
    await expect(volume).toHaveText(String(Number(before.replace(/,/g, "")) + 1), { timeout: 40_000 });
    await tv.close();
  } finally {
    server.stop();
  }
});

test("a screen celebrates a KPI that newly reaches its target, then returns to the rotation", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Satisfied customers right now, so today's CSAT has a value whatever the hour.
  const key = await createApiKey(page, "Survey feed", "ingest");
  // Enough of them that today's CSAT clears the minimum sample (10) and gets a status at all.
  const surveys = Array.from({ length: 10 }, (_, i) => ({ externalId: `TV-CSAT-${i + 1}`, kind: "csat", score: 5, respondedAt: new Date().toISOString() }));
  await ingest(page, key, { surveys });

  // Out of reach (CSAT cannot pass 100 %), then within it.
  await setOrganisationTarget(page, "csat", "101", "101", "100.5");
  await page.goto("/settings/screens");
  await page.getByLabel("Name (where it hangs)").fill("Celebration wall");
  await page.getByRole("checkbox", { name: "Service overview", exact: true }).check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();

  const tv = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${path}?poll=1000`);
  const csat = tv.getByTestId("kpi-csat");
  await expect(csat.getByTestId("target-status")).toHaveAttribute("data-status", "critical", { timeout: 20_000 });

  await setOrganisationTarget(page, "csat", "1", "1", "0");
  await expect(tv.getByTestId("celebration")).toContainText("Customer satisfaction met its goal", { timeout: 15_000 });
  await expect(tv.getByTestId("celebration")).toHaveCount(0, { timeout: 15_000 });
  await expect(csat.getByTestId("target-status")).toHaveAttribute("data-status", "met");
  await tv.close();
});
