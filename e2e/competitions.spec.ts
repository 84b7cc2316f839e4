import { expect, test, type Page } from "./fixtures";
import { createApiKey, ingest, ticketsSolvedJustNow } from "./ingest";

/** Today's tickets solved by the agents, leader first, with their names (from the last 30 days, when all of them have data). */
async function solvedToday(page: Page, agents: string[]) {
  const read = async (preset: string) => {
    const response = await page.request.get(`/api/v1/kpis?keys=tickets_solved&preset=${preset}&groupBy=agent&${agents.map((a) => `agent=${a}`).join("&")}`);
    const body = (await response.json()) as { kpis: { tickets_solved: { groups?: { key: string; label: string; value: number }[] } } };
    return body.kpis.tickets_solved.groups ?? [];
  };
  const [today, month] = [await read("today"), await read("last_30_days")];
  return agents
    .map((id) => ({ id, name: month.find((g) => g.key === id)!.label, value: today.find((g) => g.key === id)?.value ?? 0 }))
    .sort((x, y) => y.value - x.value);
}

async function addWidget(page: Page, kind: string, title: string, count: number, extra?: (form: ReturnType<Page["getByTestId"]>) => Promise<void>) {
  await page.getByRole("button", { name: "+ Add widget" }).click();
  const form = page.getByTestId("widget-form");
  await form.locator('select[name="kind"]').selectOption(kind);
  await form.locator('input[name="title"]').fill(title);
  await extra?.(form);
  await form.getByRole("button", { name: "Add widget" }).click();
  await expect(page.getByTestId("editor-widget")).toHaveCount(count);
}

test("a competition's TV leaderboard reorders as events arrive, a new achievement is celebrated, and the agent is told", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const attempt = testInfo.retry + 1;
  const agents = ["agent-001", "agent-002"];
  const key = await createApiKey(page, "Sprint feed", "ingest");
  const solve = (agent: string, count: number, prefix: string) => ingest(page, key, { tickets: ticketsSolvedJustNow(agent, count, `${prefix}-${attempt}`) });

  // Agent 1 leads agent 2 by exactly one ticket solved today, whatever the demo day held.
  const before = await solvedToday(page, agents);
  const [one, two] = agents.map((id) => before.find((a) => a.id === id)!);
  const lead = one!.value - two!.value;
  if (lead < 1) await solve(one!.id, 1 - lead, "SPRINT-SETUP");
  if (lead > 1) await solve(two!.id, lead - 1, "SPRINT-SETUP");
  const [leader, trailer] = await solvedToday(page, agents);
  expect([leader!.id, leader!.value - trailer!.value]).toEqual(["agent-001", 1]);
  const needed = 2;

  await page.goto("/competitions");
  const form = page.getByTestId("competition-form");
  await form.getByLabel("Name").fill(`Playwright sprint ${attempt}`);
  await form.locator('select[name="kpiKey"]').selectOption("tickets_solved");
  for (const a of agents) await form.locator(`input[name="agents"][value="${a}"]`).check();
  await form.getByLabel("Prize (optional)").fill("Team lunch");
  await form.getByRole("button", { name: "Create competition" }).click();
  await expect(page).toHaveURL(/\/competitions\/\d+$/);
  await expect(page.getByRole("heading", { name: `Playwright sprint ${attempt}` })).toBeVisible();

  // An achievement just out of the trailer's reach: they earn it with the tickets that win them the lead.
  await page.goto("/competitions");
  const achievement = page.getByTestId("achievement-form");
  await achievement.getByLabel("Name").fill(`Sprint finisher ${attempt}`);
  await achievement.locator('select[name="kpiKey"]').selectOption("tickets_solved");
  await achievement.getByLabel("Threshold").fill(String(trailer!.value + needed));
  await achievement.getByRole("button", { name: "Add achievement" }).click();
  await expect(achievement.getByRole("status")).toContainText("Achievement saved");

  await page.goto("/dashboards/new");
  await page.getByLabel("Name").fill(`Sprint wall ${attempt}`);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await expect(page).toHaveURL(/sprint-wall-\d+\/edit/);
  await page.getByLabel("Refresh every (seconds)").fill("5");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await addWidget(page, "competition", "Sprint", 1, async (f) => {
    await f.locator('select[name="competitionId"]').selectOption({ label: `Playwright sprint ${attempt}` });
  });
  await addWidget(page, "achievements_feed", "Latest achievements", 2);

  await page.goto("/settings/screens");
  await page.getByLabel("Name (where it hangs)").fill(`Sprint screen ${attempt}`);
  await page.getByLabel(`Sprint wall ${attempt}`).check();
  await page.getByRole("button", { name: "Create screen" }).click();
  const path = (await page.getByTestId("new-secret").textContent())!.trim();

  const tv = await browser.newPage({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
  await tv.goto(`${path}?poll=1000`);
  const names = tv.getByTestId("competition-name");
  await expect(names.first()).toHaveText(leader!.name, { timeout: 20_000 });
  await expect(tv.getByTestId("competition-time")).toContainText("left");

  await solve(trailer!.id, needed, "SPRINT");

  await expect(names.first()).toHaveText(trailer!.name, { timeout: 40_000 });
  await expect(tv.getByTestId("celebration")).toContainText(`${trailer!.name}: Sprint finisher ${attempt}`, { timeout: 40_000 });
  await expect(tv.getByTestId("achievement-row").filter({ hasText: `Sprint finisher ${attempt}` }).filter({ hasText: trailer!.name })).toBeVisible();
  await tv.close();

  // agent@ is agent-001: whether they were passed or did the passing, their rank changed.
  const agent = await browser.newPage({ storageState: "e2e/.auth/agent.json" });
  await agent.goto("/");
  await expect(agent.getByTestId("notification-count")).toBeVisible({ timeout: 40_000 });
  await agent.getByTestId("notification-bell").click();
  await expect(agent.getByTestId("notification-list")).toContainText(new RegExp(`moved (up|down) to #\\d in Playwright sprint ${attempt}`));
  await agent.close();
});
