import { DEMO_PASSWORD } from "../lib/demo/demo-users";

import { expect, test, type Page } from "./fixtures";
import { signIn } from "./sign-in";

const PAGES = ["/", "/kpis", "/import", "/settings/users", "/settings/users/1", "/settings/keys", "/settings/screens"];

const value = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())!.trim();

test.describe("a team lead", () => {
  test.use({ storageState: "e2e/.auth/lead.json" });

  test("sees only their team, and no way leads to another team's numbers", async ({ page, browser, expectFailures }, testInfo) => {
    expectFailures({ status: 403 });
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Billie Lead");
    await expect(page.getByText("Team lead · Billing")).toBeVisible();
    await testInfo.attach("team-lead-home", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    // Navigation offers nothing beyond their own numbers and the definitions.
    const links = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
    expect(links).toEqual(["Dashboards", "Competitions", "Definitions"]);
    // One team: no team filter to choose from, and no other team's name anywhere on the page.
    await expect(page.getByRole("form", { name: "Filters" }).getByText("Team", { exact: true })).toHaveCount(0);
    await expect(page.getByText("Social Care")).toHaveCount(0);

    // Their overview is Billing's numbers: the same as an admin's view filtered to Billing.
    const leadVolume = await value(page, "kpi-ticket-volume-value");
    const leadBacklog = await value(page, "kpi-backlog-value");
    const admin = await browser.newPage({ storageState: "e2e/.auth/admin.json" });
    await admin.goto("/?team=billing");
    expect(await value(admin, "kpi-ticket-volume-value")).toBe(leadVolume);
    expect(await value(admin, "kpi-backlog-value")).toBe(leadBacklog);
    await admin.goto("/");
    expect(Number((await value(admin, "kpi-backlog-value")).replace(/,/g, ""))).toBeGreaterThan(Number(leadBacklog.replace(/,/g, "")));
    await admin.close();

    // Editing the URL to another team, or to a team that does not exist, is refused alike.
    for (const team of ["support", "tech-support", "no-such-team"]) {
      const response = await page.goto(`/?team=${team}`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don’t have access to this" })).toBeVisible();
      await expect(page.getByTestId("kpi-ticket-volume-value")).toHaveCount(0);
    }
    for (const path of ["/import", "/settings/users", "/settings/keys", "/settings/screens", "/settings/targets", "/dashboards/new", "/teams/social", "/agents/agent-040", "/dashboards/service-overview?team=social"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }

    // The KPI API with the same session: scoped to Billing, and 403 for another team or its agent.
    const own = await page.request.get("/api/v1/kpis?keys=ticket_volume&preset=today");
    expect(own.status()).toBe(200);
    expect(String((await own.json()).kpis.ticket_volume.value)).toBe(leadVolume.replace(/,/g, ""));
    const byTeam = await page.request.get("/api/v1/kpis?keys=ticket_volume&preset=last_30_days&groupBy=team");
    expect((await byTeam.json()).kpis.ticket_volume.groups.map((g: { key: string }) => g.key)).toEqual(["billing"]);
    expect((await page.request.get("/api/v1/kpis?keys=ticket_volume&team=social")).status()).toBe(403);
    expect((await page.request.get("/api/v1/kpis?keys=ticket_volume&team=billing&team=social")).status()).toBe(403);
  });
});

test.describe("an agent", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });

  test("sees their own day and cannot ask for anyone else's", async ({ page, expectFailures }) => {
    expectFailures({ status: 403, url: /team=billing/ });
    await page.goto("/");
    await expect(page.getByText("Your numbers: Wanda Moreau")).toBeVisible();
    expect((await page.goto("/?team=billing"))?.status()).toBe(403);
    expect((await page.request.get("/api/v1/kpis?keys=aht&agent=agent-002")).status()).toBe(403);
    expect((await page.request.get("/api/v1/kpis?keys=aht&agent=agent-001")).status()).toBe(200);
  });
});

test.describe("signing out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a wrong password gets one message that does not say which part was wrong", async ({ page, expectFailures }) => {
    expectFailures({ status: 401, url: /\/api\/auth\// });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("manager@northwind.example");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("ends the session, and then every page sends you to sign in", async ({ page }) => {
    await signIn(page, "manager@northwind.example", DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/sign-in(\?next=.*)?$/);
      await expect(page.getByRole("heading", { name: "Sign in to Deskpulse" })).toBeVisible();
    }
    expect((await page.request.get("/api/v1/kpis?keys=aht")).status()).toBe(401);
  });
});
