import { expect, test } from "./fixtures";
import { createApiKey, ingest } from "./ingest";

test("a manager sets SLA targets and business hours, with clear errors for bad input", async ({ page }) => {
  await page.goto("/settings/service-levels");
  const sla = page.getByTestId("sla-form");
  await sla.getByLabel("urgent first response target").fill("soon");
  await sla.getByRole("button", { name: "Save SLA targets" }).click();
  await expect(sla).toContainText("Urgent first response: write a duration such as 1h 30m or 90m.");
  await expect(sla.getByLabel("urgent first response target")).toHaveValue("soon");

  await sla.getByLabel("urgent first response target").fill("30");
  await sla.getByRole("button", { name: "Save SLA targets" }).click();
  await expect(sla).toContainText("Urgent first response: must be at least a minute.");

  await sla.getByLabel("urgent first response target").fill("45m");
  await sla.getByLabel("urgent firstResponse clock").selectOption("calendar");
  await sla.getByRole("button", { name: "Save SLA targets" }).click();
  await expect(sla.getByRole("status")).toContainText("SLA targets saved");
  await page.reload();
  await expect(page.getByTestId("sla-form").getByLabel("urgent first response target")).toHaveValue("45m");

  const hours = page.getByTestId("schedule-org");
  await hours.getByLabel("Monday").fill("9 to 5");
  await hours.getByLabel("Holidays (closed all day)").fill("Christmas");
  await hours.getByRole("button", { name: "Save hours" }).click();
  await expect(hours).toContainText('Monday: "9 to 5" is not an interval such as 09:00-17:00.');
  await expect(hours).toContainText('"Christmas" does not start with a date YYYY-MM-DD.');

  await hours.getByLabel("Monday").fill("08:00-12:00, 13:00-18:00");
  await hours.getByLabel("Holidays (closed all day)").fill("2026-12-25 Christmas Day");
  await hours.getByRole("button", { name: "Save hours" }).click();
  await expect(hours.getByRole("status")).toContainText("Business hours saved", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("schedule-org").getByLabel("Monday")).toHaveValue("08:00-12:00, 13:00-18:00");

  const api = await page.request.get("/api/v1/kpis?keys=first_response_time,sla_first_response&preset=last_30_days&hours=business&groupBy=priority");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { hours: string; kpis: Record<string, { value: number | null; groups: { key: string }[] }> };
  expect(body.hours).toBe("business");
  expect(body.kpis.sla_first_response!.value).not.toBeNull();
  expect(body.kpis.sla_first_response!.groups.map((g) => g.key).sort()).toEqual(["high", "low", "normal", "urgent"]);
});

test("an urgent ticket nearing its first-response target appears on the at-risk list", async ({ page }) => {
  const key = await createApiKey(page, "SLA feed", "ingest");
  // The demo's urgent target is 30 minutes on the calendar: created 25 minutes ago leaves about 5.
  await ingest(page, key, {
    tickets: [
      { externalId: "E2E-SLA-1", channel: "email", priority: "urgent", team: "billing", status: "new",
        subject: "Card stolen abroad", createdAt: new Date(Date.now() - 25 * 60_000).toISOString() },
    ],
  });

  await page.goto("/dashboards/service-levels");
  const list = page.getByTestId("sla-at-risk");
  const row = list.getByTestId("sla-at-risk-row").filter({ hasText: "Card stolen abroad" });
  await expect(row).toContainText("urgent");
  await expect(row).toContainText(/\d+ min left/);
  await expect(page.getByRole("heading", { name: "First response time (business hours)" })).toBeVisible();
  await row.getByRole("link", { name: "Card stolen abroad" }).click();
  await expect(page).toHaveURL(/\/tickets\/E2E-SLA-1/);
});
