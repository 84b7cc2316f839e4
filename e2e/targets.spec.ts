import { expect, test } from "./fixtures";
import { createApiKey, ingest } from "./ingest";
import { setOrganisationTarget } from "./targets";

test("a goal missed within the warning reads Close with the gap; one response gets no status at all", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/?preset=last_30_days");
  const shown = (await page.getByTestId("kpi-csat-value").first().textContent())!;
  const csat = Number(shown.replace(/[^\d.]/g, ""));
  expect(csat).toBeLessThan(98);
  // A goal 1-2 points above today's value, a warning well below it.
  const goal = Math.floor(csat) + 2;
  await setOrganisationTarget(page, "csat", String(goal), String(Math.max(0, goal - 10)), String(Math.max(0, goal - 20)));
  // First response far from a 1-minute goal but short of a 10-day critical threshold: off target.
  // Durations are typed as people write them; the goal as bare seconds still works.
  await setOrganisationTarget(page, "first_response_time", "60", "2m", "10d");

  await page.goto("/?preset=last_30_days");
  const card = page.getByTestId("kpi-csat").first();
  const status = card.getByTestId("target-status");
  await expect(status).toHaveAttribute("data-status", "close");
  await expect(status).toContainText("Close");
  await expect(card.getByTestId("target-gap")).toHaveText(new RegExp(`^\\s*· −[12]\\.\\d pts to ${goal}\\.0%$`));
  const frt = page.getByTestId("kpi-first-response-time").first();
  await expect(frt.getByTestId("target-status")).toHaveAttribute("data-status", "off");
  await expect(frt.getByTestId("target-gap")).toHaveText(/ over 1m$/);
  await page.screenshot({ path: testInfo.outputPath("overview-close-off-1280x800.png") });

  // One satisfied customer for a new agent: 100 %, and no status on it.
  const key = await createApiKey(page, "Targets feed", "ingest");
  await ingest(page, key, {
    agents: [{ externalId: "E2E-ONE-RESPONSE", name: "Olive Once" }],
    surveys: [{ externalId: "E2E-ONE-RESPONSE-1", kind: "csat", score: 5, agent: "E2E-ONE-RESPONSE", respondedAt: new Date().toISOString() }],
  });
  await page.goto("/agents/E2E-ONE-RESPONSE?preset=today");
  const agentCard = page.getByTestId("agent-kpi-csat");
  await expect(agentCard.getByTestId("agent-kpi-csat-value")).toHaveText("100.0%");
  await expect(agentCard.getByTestId("target-too-few")).toHaveText("Too few responses (1)");
  await expect(agentCard.getByTestId("target-status")).toHaveCount(0);
});

test("with the channel filter on email, call KPIs say they do not apply rather than that there is nothing to compare", async ({ page }) => {
  await page.goto("/?preset=last_30_days&channel=email");
  await expect(page.getByTestId("kpi-aht").first().getByTestId("kpi-channel-note")).toHaveText("Does not apply to email");
  await expect(page.getByTestId("kpi-first-response-time").first().getByTestId("kpi-channel-note")).toHaveCount(0);
});
