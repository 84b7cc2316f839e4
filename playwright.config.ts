import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium: `npx playwright install` cannot download browsers here (SPEC section 8).
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    // Signs in once per role; the other tests start signed in from the saved cookies.
    { name: "sign-in", testMatch: /sign-in\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      testIgnore: /live-demo\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, storageState: "e2e/.auth/admin.json" },
    },
    // Two minutes of the live demo on a server of its own (port 3198), apart from the specs above.
    { name: "live-demo", testMatch: /live-demo\.spec\.ts/ },
  ],
  webServer: {
    // The production build on a fresh embedded database with a small demo history, without the live
    // simulator so that the numbers hold still for the assertions.
    command: "rm -rf .data/e2e && tsx scripts/demo.ts --tickets 3000 --no-live",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { DESKPULSE_DATA_DIR: ".data/e2e", PORT: String(PORT), DATABASE_URL: "" },
  },
});
