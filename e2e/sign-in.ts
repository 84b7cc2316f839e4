import { expect, type Page } from "@playwright/test";

/** Signs in through the form, as a person would, and waits for the overview. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Hashing the password and rendering the overview can take seconds on a loaded machine.
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
}
