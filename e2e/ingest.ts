import { expect, type Page } from "./fixtures";

/** Creates an API key on Settings → API keys as the signed-in admin and returns its secret. */
export async function createApiKey(page: Page, name: string, kind: "ingest" | "kpi"): Promise<string> {
  await page.goto("/settings/keys");
  await page.getByLabel("Name (who uses it)").fill(name);
  await page.getByLabel("Kind").selectOption(kind);
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-secret").textContent())!.trim();
}

/** Posts one batch to the ingest API; the test fails unless every record was accepted. */
export async function ingest(page: Page, key: string, batch: Record<string, unknown[]>): Promise<void> {
  const response = await page.request.post("/api/v1/ingest", { headers: { authorization: `Bearer ${key}` }, data: batch });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * `count` email tickets `agent` solved a minute ago, so "today" holds them whatever the hour (the
 * demo's own today is near empty in the small hours). `prefix` keeps each test's ids apart.
 */
export function ticketsSolvedJustNow(agent: string, count: number, prefix: string) {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i}`, channel: "email", status: "solved", assignee: agent,
    createdAt: new Date(now - 20 * 60_000).toISOString(), firstResponseAt: new Date(now - 10 * 60_000).toISOString(), resolvedAt: new Date(now - 60_000).toISOString(),
  }));
}
