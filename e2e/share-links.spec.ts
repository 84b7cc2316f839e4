import { DEMO_PASSWORD } from "../lib/demo/demo-users";

import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

// The viewer is this test's own page, without cookies, so the fixtures watch the shared page for
// console errors and failed requests; the manager works in a second context.
test.use({ storageState: { cookies: [], origins: [] } });

test("a manager shares a dashboard by a view-only link: numbers without signing in, locked filters, nothing else, ended at the next poll once revoked", async ({ page, browser, expectFailures }, testInfo) => {
  test.setTimeout(120_000);
  // The open page's poll after the revocation is the one failure this test provokes.
  expectFailures({ status: 401, url: /\/api\/v1\/share\/dpv_/ });

  const managerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const manager = await managerContext.newPage();
  await test.step("the manager creates a link locked to Billing", async () => {
    await signIn(manager, "manager@northwind.example", DEMO_PASSWORD);
    await manager.goto("/settings/share-links");
    await manager.getByLabel("Dashboard").selectOption({ label: "Service overview" });
    await manager.getByLabel("Label (who it is for)").fill("Billing partner");
    await manager.getByLabel("Expires").selectOption({ label: "In 7 days" });
    await manager.getByLabel("Locked team").selectOption({ label: "Billing" });
    await manager.getByRole("button", { name: "Create link" }).click();
    await expect(manager.getByTestId("new-secret")).toBeVisible();
  });
  const url = (await manager.getByTestId("new-secret").textContent())!.trim();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/share\/dpv_[A-Za-z0-9_-]{43}$/);
  const token = url.split("/").pop()!;
  const row = manager.getByTestId("share-links-list").getByRole("row", { name: /Billing partner/ });
  await expect(row).toContainText("Service overview");
  await expect(row).toContainText("Billing");
  await testInfo.attach("settings-share-links", { body: await manager.screenshot({ fullPage: true }), contentType: "image/png" });

  await manager.goto("/?team=billing");
  const billingVolume = (await manager.getByTestId("kpi-ticket-volume-value").textContent())!.trim();

  await test.step("anyone with the address sees Billing's numbers, read-only", async () => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(page.getByRole("heading", { level: 1, name: "Service overview" })).toBeVisible();
    await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveText(billingVolume);
    await expect(page.getByTestId("share-locked")).toHaveText("Locked: Billing");
    // No navigation, no editor, no drill-down: nothing on the page leads into the workspace.
    await expect(page.locator('a[href^="/"]')).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Filters" }).getByText("Team", { exact: true })).toHaveCount(0);
    await testInfo.attach("share-page", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    // Asking for another team in the address changes nothing.
    await page.goto(`${url}?team=social`);
    await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveText(billingVolume);
  });

  await test.step("the token opens nothing else", async () => {
    for (const path of ["/api/v1/dashboards/service-overview", "/api/v1/kpis?keys=csat"]) {
      expect((await page.request.get(path, { headers: { authorization: `Bearer ${token}` } })).status(), path).toBe(401);
    }
    expect((await page.request.get(`/api/v1/tv/${token}`)).status()).toBe(401);
    expect((await page.request.get("/settings/share-links", { maxRedirects: 0 })).status()).toBe(307);
  });

  await test.step("revoked, the open page says so at its next poll and shows no numbers", async () => {
    manager.once("dialog", (dialog) => void dialog.accept());
    await manager.goto("/settings/share-links");
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
    await expect(page.getByTestId("share-ended")).toContainText("This link no longer works", { timeout: 30_000 });
    await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveCount(0);
    await testInfo.attach("share-ended", { body: await page.screenshot(), contentType: "image/png" });
    await page.goto(url);
    await expect(page.getByTestId("share-ended")).toBeVisible();
    await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveCount(0);
  });
  await managerContext.close();
});
