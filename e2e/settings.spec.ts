import { expect, test } from "./fixtures";
import { createApiKey } from "./ingest";
import { signIn } from "./sign-in";

test("an admin creates a KPI key that works once shown, and stops working when revoked", async ({ page, playwright }, testInfo) => {
  const key = await createApiKey(page, "Finance BI", "kpi");
  expect(key).toMatch(/^dpk_[A-Za-z0-9_-]{43}$/);
  await testInfo.attach("keys-1280x800", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  expect((await api.get("/api/v1/kpis?keys=csat")).status()).toBe(200);

  // The list shows it without the secret, and with its first use.
  await page.reload();
  const row = page.getByTestId("keys-list").getByRole("row", { name: /Finance BI/ });
  await expect(row).toContainText("KPI read");
  await expect(row).not.toContainText(key);
  await expect(row).not.toContainText("Never");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await api.get("/api/v1/kpis?keys=csat")).status()).toBe(401);
  await api.dispose();
});

test("an admin adds a team lead, who then signs in to their team's numbers", async ({ page, browser }) => {
  await page.goto("/settings/users");
  const form = page.getByTestId("user-form");
  await form.getByLabel("Email").fill("new.lead@northwind.example");
  await form.getByLabel("Password (at least 8 characters)").fill("short");
  await form.getByLabel("Role").selectOption("team_lead");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("Must be at least 8 characters.")).toBeVisible();

  await form.getByLabel("Email").fill("new.lead@northwind.example");
  await form.getByLabel("Password (at least 8 characters)").fill("a-good-password");
  await form.getByLabel("Role").selectOption("team_lead");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("A team lead needs at least one team.")).toBeVisible();

  await form.getByLabel("Email").fill("new.lead@northwind.example");
  await form.getByLabel("Password (at least 8 characters)").fill("a-good-password");
  await form.getByLabel("Role").selectOption("team_lead");
  await form.getByLabel("Social Care").check();
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Created new.lead@northwind.example.")).toBeVisible();
  await expect(page.getByTestId("users-list").getByRole("row", { name: /new\.lead/ })).toContainText("Social Care");

  const lead = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await signIn(lead, "new.lead@northwind.example", "a-good-password");
  await expect(lead.getByText("Team lead · Social Care")).toBeVisible();
  expect((await lead.goto("/?team=billing"))?.status()).toBe(403);
  await lead.close();
});
