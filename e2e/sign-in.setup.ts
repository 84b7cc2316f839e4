import { expect, test as setup } from "@playwright/test";

import { DEMO_PASSWORD } from "../lib/demo/demo-users";

import { signIn } from "./sign-in";

for (const role of ["admin", "lead", "agent"] as const) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signIn(page, `${role}@northwind.example`, DEMO_PASSWORD);
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}
