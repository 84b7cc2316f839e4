import { expect, test } from "./fixtures";

test("the server reports itself healthy on the embedded database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "pglite" });
});

test("the app icon answers at /favicon.ico too, without a session", async ({ playwright }, testInfo) => {
  // A page that links no icon (a 403) makes the browser ask there; a 404 would be logged as an error.
  const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const response = await anonymous.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  await anonymous.dispose();
});

test("a new user sees today's numbers from the demo data on the home page", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Service overview" })).toBeVisible();
  for (const id of ["kpi-ticket-volume", "kpi-tickets-solved", "kpi-backlog"]) {
    await expect(page.getByTestId(`${id}-value`).first()).toHaveText(/^\d[\d,]*$/);
  }
  // Ninety days of demo history always leave some tickets open.
  const backlog = Number((await page.getByTestId("kpi-backlog-value").textContent())!.replace(/,/g, ""));
  expect(backlog).toBeGreaterThan(0);
  await testInfo.attach("home-1280x800", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
