import { beforeAll, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createAuth, SIGN_IN_ATTEMPTS_PER_MINUTE, type Auth } from "./better-auth";
import { createUser } from "./users";

describeEachDatabase("sign-in through better-auth", ({ kind, db }) => {
  let auth: Auth;
  beforeAll(async () => {
    auth = createAuth(db().prisma, "a-test-secret-that-is-long-enough-for-hmac");
    await createUser(db().prisma, { email: "lead@example.com", password: "right-password", role: "manager" });
  });

  // better-auth's in-memory limiter is shared by the instances of one process: each database kind
  // uses its own addresses.
  const net = kind === "pglite" ? "203.0.113" : "198.51.100";
  const post = (path: string, body: unknown, host: number) =>
    auth.handler(
      new Request(`http://localhost/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost", "x-forwarded-for": `${net}.${host}` },
        body: JSON.stringify(body),
      }),
    );

  test("the right password gives a signed session cookie that reads back as the user", async () => {
    const response = await post("/sign-in/email", { email: "LEAD@example.com", password: "right-password" }, 1);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie.split(";")[0]! }) });
    expect(session?.user).toMatchObject({ email: "lead@example.com", role: "manager" });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { email: "lead@example.com" } })).lastLoginAt).not.toBeNull();

    // The token alone, without the signature made with the secret, is not a session.
    const unsigned = `better-auth.session_token=${decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!).split(".")[0]}`;
    expect(await auth.api.getSession({ headers: new Headers({ cookie: unsigned }) })).toBeNull();
  });

  test("a wrong password and an unknown email get the same answer", async () => {
    const wrong = await post("/sign-in/email", { email: "lead@example.com", password: "wrong-password" }, 2);
    const unknown = await post("/sign-in/email", { email: "nobody@example.com", password: "wrong-password" }, 2);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  test(`sign-in is limited to ${SIGN_IN_ATTEMPTS_PER_MINUTE} attempts a minute from one address`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_PER_MINUTE; i++) {
      statuses.push((await post("/sign-in/email", { email: "lead@example.com", password: `guess-${i}` }, 3)).status);
    }
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true);
    const limited = await post("/sign-in/email", { email: "lead@example.com", password: "right-password" }, 3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await post("/sign-in/email", { email: "lead@example.com", password: "right-password" }, 4)).status).toBe(200);
  });

  test("nobody can sign themselves up", async () => {
    const response = await post("/sign-up/email", { email: "new@example.com", password: "password-123", name: "New" }, 5);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await db().prisma.user.findUnique({ where: { email: "new@example.com" } })).toBeNull();
  });
});
