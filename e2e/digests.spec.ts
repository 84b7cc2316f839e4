import { DEMO_PASSWORD } from "../lib/demo/demo-users";

import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

test("a manager creates a daily digest in Settings → Digests, sends it now and sees its result", async ({ page }, testInfo) => {
  await signIn(page, "manager@northwind.example", DEMO_PASSWORD);
  await page.getByTestId("settings-menu").locator("summary").click();
  await expect(page.getByTestId("settings-menu").getByRole("link", { name: "Digests" })).toHaveAttribute("href", "/settings/digests");
  await page.goto("/settings/digests");
  await expect(page.getByRole("heading", { level: 1, name: "Digests" })).toBeVisible();

  await test.step("a digest to nobody is refused, naming the field", async () => {
    await page.getByLabel("Name").fill("Morning numbers");
    await page.getByRole("button", { name: "Create digest" }).click();
    await expect(page.getByText("Choose at least one channel or person.")).toBeVisible();
    // The refused form keeps what was typed.
    await expect(page.getByLabel("Name")).toHaveValue("Morning numbers");
  });

  await test.step("a daily 08:00 digest to the team lead and the manager", async () => {
    await page.getByLabel("Dashboard").selectOption({ label: "Service overview" });
    await page.getByLabel(/^Time/).fill("08:00");
    const people = page.getByRole("group", { name: /Send to people/ });
    await people.getByLabel(/Team lead/).first().check();
    await people.getByLabel(/Manager/).first().check();
    await page.getByRole("button", { name: "Create digest" }).click();
    await expect(page.getByRole("status")).toHaveText("Created the digest “Morning numbers”.");
  });

  const row = page.getByTestId("digests-list").getByRole("row", { name: /Morning numbers/ });
  await expect(row).toContainText("Service overview");
  await expect(row).toContainText("Daily at 08:00");
  await expect(row.getByTestId("digest-last-result")).toHaveText("Never");
  await test.step("Send now queues it at once and the list shows when and what happened", async () => {
    await row.getByRole("button", { name: "Send now" }).click();
    await expect(row.getByTestId("digest-last-result")).toContainText(/Queued \d+ messages?/);
    await testInfo.attach("settings-digests-1280x800", { body: await page.screenshot({ path: testInfo.outputPath("settings-digests.png") }), contentType: "image/png" });
  });

  await test.step("pausing and deleting", async () => {
    await row.getByRole("button", { name: "Pause" }).click();
    await expect(row).toContainText("Paused");
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
  });
});
