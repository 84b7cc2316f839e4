import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";

import { DEMO_PASSWORD } from "../lib/demo/demo-users";

import { expect, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100);

test.use({ storageState: { cookies: [], origins: [] } });

// Signing in hashes a password and renders the overview: slow on a loaded machine.
const SIGNED_IN = { timeout: 30_000 };

// The same server opened by three addresses: a name, the loopback address, and a second loopback
// address standing in for a LAN address (any but localhost failed before with INVALID_ORIGIN).
for (const host of ["127.0.0.1", "localhost", "127.0.0.2"]) {
  test(`a manager signs in at http://${host}:PORT, with a session cookie that is not Secure over HTTP`, async ({ page }) => {
    const base = `http://${host}:${PORT}`;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill("manager@northwind.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/`, SIGNED_IN);
    await expect(page.getByTestId("signed-in-user")).toHaveText("Morgan Manager", SIGNED_IN);

    const cookies = await page.context().cookies(base);
    const session = cookies.find((cookie) => cookie.name.endsWith("better-auth.session_token"));
    expect(session).toMatchObject({ name: "better-auth.session_token", secure: false, httpOnly: true, sameSite: "Lax" });
  });
}

/** Posts a sign-in over a connection from `localAddress`, answering the status. */
function signInFrom(localAddress: string, body: object, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, localAddress, method: "POST", path: "/api/auth/sign-in/email", headers: { "content-type": "application/json" } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
}

test.describe("the sign-in limit", () => {
  // A server of its own: locking out the loopback address on the suite's server would lock out
  // every other test's sign-ins.
  const port = PORT + 1;
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), DESKPULSE_DATA_DIR: ".data/e2e-sign-in-limit", DATABASE_URL: "", NODE_ENV: "production" as const };
  let server: ChildProcess | null = null;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    fs.rmSync(env.DESKPULSE_DATA_DIR, { recursive: true, force: true });
    const cli = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { env, encoding: "utf8" });
    cli("users", "create", "--email", "lead@example.com", "--password", "right-password", "--role", "manager");
    server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, detached: true, stdio: "ignore" });
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 90_000 }).toBe(200);
  });
  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGKILL");
  });

  test("a spoofed X-Forwarded-For on each attempt does not reset it, and the form says why", async ({ page, request, expectFailures }) => {
    // The form's own attempt is refused with 429 on purpose.
    expectFailures({ status: 429, url: /\/api\/auth\/sign-in\/email$/ });
    const attempt = (password: string, spoofed: string) =>
      request.post(`${base}/api/auth/sign-in/email`, {
        headers: { "x-forwarded-for": spoofed, "x-real-ip": spoofed },
        data: { email: `nobody-${spoofed}@example.com`, password },
      });
    for (let i = 0; i < 10; i++) expect((await attempt("wrong-password", `203.0.113.${i}`)).status()).toBe(401);

    // A new spoofed address and the right password of an account not guessed at: still refused.
    const limited = await request.post(`${base}/api/auth/sign-in/email`, {
      headers: { "x-forwarded-for": "198.51.100.77" },
      data: { email: "lead@example.com", password: "right-password" },
    });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);

    // A client that really is at another address (a connection from 127.0.0.3) is not locked out:
    // the limit follows the socket's address, not one shared count.
    expect(await signInFrom("127.0.0.3", { email: "lead@example.com", password: "right-password" }, port)).toBe(200);

    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill("lead@example.com");
    await page.getByLabel("Password").fill("right-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible(SIGNED_IN);
    await expect(page).toHaveURL(`${base}/sign-in`);
  });
});
