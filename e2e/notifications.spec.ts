import { startHttpPeer, startSmtpPeer } from "../lib/testing/notification-peers";

import { expect, test } from "./fixtures";

// Issue #22's delivery channels: an admin adds an SMTP channel and a Slack webhook, sends a test
// through each, and sees what arrived and what did not. The peers are real servers on this machine.
test("an admin adds channels, a test message arrives by email, and a refused webhook shows its error", async ({ page }) => {
  const [smtp, http] = await Promise.all([startSmtpPeer(), startHttpPeer()]);
  try {
    const stamp = Date.now().toString(36);
    http.statusOf.set("/slack", 404);
    await page.goto("/settings/notifications");
    const form = page.getByTestId("channel-form");

    await form.locator(`select[name="kind"]`).selectOption("email");
    await form.getByLabel("Name", { exact: true }).fill(`Managers ${stamp}`);
    await form.getByLabel("SMTP host", { exact: true }).fill("127.0.0.1");
    await form.getByLabel("Port", { exact: true }).fill(String(smtp.port));
    await form.locator(`select[name="security"]`).selectOption("none");
    await form.getByLabel("From", { exact: true }).fill("deskpulse@example.com");
    // A bad address is named on the form, and nothing is saved.
    await form.locator(`input[name="to"]`).fill("managers@example.com, nobody");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByText("Is not an email address.")).toBeVisible();
    await form.locator(`input[name="to"]`).fill("managers@example.com");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByRole("status")).toContainText(`Added “Managers ${stamp}”`);

    const emailRow = page.getByTestId("channel-row").filter({ hasText: `Managers ${stamp}` });
    await expect(emailRow).toContainText(`127.0.0.1:${smtp.port} → managers@example.com`);
    await emailRow.getByRole("button", { name: "Send test" }).click();
    await expect(emailRow.getByRole("status")).toHaveText("Sent. Check that it arrived.");
    expect(smtp.messages.map((m) => m.subject)).toEqual([`Deskpulse test message for “Managers ${stamp}”`]);
    expect(smtp.recipients).toEqual([["managers@example.com"]]);

    await form.locator(`select[name="kind"]`).selectOption("slack");
    await form.getByLabel("Name", { exact: true }).fill(`Floor ${stamp}`);
    await form.getByLabel("Incoming webhook URL", { exact: true }).fill(`${http.url}/slack`);
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByRole("status")).toContainText(`Added “Floor ${stamp}”`);
    const slackRow = page.getByTestId("channel-row").filter({ hasText: `Floor ${stamp}` });
    await slackRow.getByRole("button", { name: "Send test" }).click();
    await expect(slackRow.getByRole("alert")).toContainText("answered 404: invalid_token");
    await page.reload();
    await expect(page.getByTestId("channel-row").filter({ hasText: `Floor ${stamp}` }).getByTestId("channel-error")).toContainText("404");
    await expect(page.getByTestId("delivery-row").first()).toContainText("retrying");
    expect(JSON.parse(http.requests[0]!.body).blocks[0].text.text).toBe(`Deskpulse test message for “Floor ${stamp}”`);
  } finally {
    await Promise.all([smtp.close(), http.close()]);
  }
});
