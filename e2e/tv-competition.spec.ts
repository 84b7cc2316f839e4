import { expect, test } from "./fixtures";
import { createApiKey, ingest, ticketsSolvedJustNow } from "./ingest";

test("a screen's slide can be one competition: full screen on the TV with its podium, prize and goal, in the order the manager set", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const attempt = testInfo.retry + 1;
  const competitionName = `Floor sprint ${attempt}`;
  // Three agents on the podium whatever the demo's today holds (near empty in the small hours).
  const key = await createApiKey(page, `Podium feed ${attempt}`, "ingest");
  await ingest(page, key, { tickets: ["agent-001", "agent-002", "agent-003"].flatMap((agent, i) => ticketsSolvedJustNow(agent, 3 - i, `FLOOR-${attempt}-${agent}`)) });
  await page.goto("/competitions");
  const form = page.getByTestId("competition-form");
  await form.getByLabel("Name").fill(competitionName);
  await form.locator('select[name="kpiKey"]').selectOption("tickets_solved");
  for (const agent of ["agent-001", "agent-002", "agent-003", "agent-004", "agent-005", "agent-006"]) await form.locator(`input[name="agents"][value="${agent}"]`).check();
  await form.getByLabel("Goal (optional)").fill("40");
  await form.getByLabel("Prize (optional)").fill("Cake for the winner");
  await form.getByRole("button", { name: "Create competition" }).click();
  await expect(page).toHaveURL(/\/competitions\/\d+$/);
  const competitionId = Number(page.url().split("/").pop());

  await page.goto("/settings/screens");
  const name = `Competition wall ${attempt}`;
  await page.getByLabel("Name (where it hangs)").fill(name);
  await page.getByLabel("Seconds per dashboard").fill("10");
  await page.getByLabel("Service overview", { exact: true }).check();
  await page.getByLabel(competitionName, { exact: true }).check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();
  const token = path.split("/").pop()!;

  // The competition follows the dashboards; one arrow puts it first.
  const playlist = page.getByTestId("screens-list").getByRole("row", { name: new RegExp(name) }).getByTestId("screen-slide");
  await expect(playlist).toHaveText([/Service overview/, new RegExp(`${competitionName}.*competition`)]);
  await page.getByRole("button", { name: `Move ${competitionName} earlier` }).click();
  await expect(playlist).toHaveText([new RegExp(competitionName), /Service overview/]);
  const order = (await (await page.request.get(`/api/v1/tv/${token}`)).json()) as { slides: ({ kind: "dashboard"; slug: string } | { kind: "competition"; id: number })[] };
  expect(order.slides).toEqual([expect.objectContaining({ kind: "competition", id: competitionId }), { kind: "dashboard", slug: "service-overview" }]);

  const tv = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${path}?poll=2000`);
  const screen = tv.getByTestId("tv-screen");
  await expect(screen).toHaveAttribute("data-competition", String(competitionId), { timeout: 15_000 });
  await expect(tv.getByTestId("tv-dashboard-name")).toHaveText(competitionName);
  await expect(tv.getByTestId("competition-podium")).toBeVisible();
  await expect(tv.getByTestId("competition-podium").getByTestId("competition-row")).toHaveCount(3);
  await expect(tv.getByTestId("competition-time")).toContainText("left");
  await expect(tv.getByTestId("competition-time")).toContainText("Prize: Cake for the winner");
  await expect(tv.getByTestId("competition-time")).toContainText("Goal 40");
  await testInfo.attach("tv-competition-1920x1080", { body: await tv.screenshot(), contentType: "image/png" });
  // Then the dashboard, then the competition again.
  await expect(screen).toHaveAttribute("data-dashboard", "service-overview", { timeout: 15_000 });
  await expect(screen).toHaveAttribute("data-competition", String(competitionId), { timeout: 15_000 });
  await expect(tv.getByTestId("competition-podium")).toBeVisible();

  // The token opens this screen's competition only.
  expect((await tv.request.get(`/api/v1/tv/${token}/competitions/${competitionId}`)).status()).toBe(200);
  expect((await tv.request.get(`/api/v1/tv/${token}/competitions/${competitionId + 1000}`)).status()).toBe(404);
  await tv.close();
});
