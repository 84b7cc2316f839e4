import { createHmac } from "node:crypto";

import { beforeAll, beforeEach, expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { createAuth, type Auth } from "./better-auth";
import { handleSignIn, type SignInContext } from "./handle-sign-in";
import { parseAddressRange, type AddressRange } from "./ip-address";
import { PEER_ADDRESS_HEADER, trustPeerAddressHeader } from "./peer-address";
import { createSignInLimiter, SIGN_IN_ATTEMPTS_PER_WINDOW } from "./sign-in-limiter";
import { createUser } from "./users";

const SECRET = "a-test-secret-that-is-long-enough-for-hmac";
const PROXY = "10.0.0.2";
const TRUSTED: AddressRange[] = [parseAddressRange(PROXY)!];

interface Attempt {
  email?: string;
  password?: string;
  /** The socket peer, as server.ts would pass it on. */
  peer?: string;
  host?: string;
  origin?: string | null;
  headers?: Record<string, string>;
  path?: string;
}

// better-call's cookie signature (HMAC-SHA256, base64), to forge a cookie from a database value.
function signedCookie(name: string, value: string, secret = SECRET): string {
  return `${name}=${encodeURIComponent(`${value}.${createHmac("sha256", secret).update(value).digest("base64")}`)}`;
}

describeEachDatabase("sign-in through better-auth", ({ db }) => {
  let instances: { http: Auth; https: Auth };
  let context: SignInContext;

  beforeAll(async () => {
    // What server.ts does in the running server: the peer address header is its word.
    trustPeerAddressHeader();
    instances = { http: createAuth(db().prisma, SECRET, { secure: false }), https: createAuth(db().prisma, SECRET, { secure: true }) };
    await createUser(db().prisma, { email: "lead@example.com", password: "right-password", role: "manager" });
  });
  beforeEach(() => {
    context = {
      limiter: createSignInLimiter(),
      clientConfig: { trustedProxies: TRUSTED },
      auth: async ({ https }) => (https ? instances.https : instances.http),
    };
  });

  const signIn = (attempt: Attempt = {}, signInContext = context) => {
    const host = attempt.host ?? "127.0.0.1:3000";
    const origin = attempt.origin === undefined ? `http://${host}` : attempt.origin;
    return handleSignIn(
      new Request(`http://localhost:3000/api/auth${attempt.path ?? "/sign-in/email"}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host,
          ...(origin ? { origin } : {}),
          [PEER_ADDRESS_HEADER]: attempt.peer ?? "192.0.2.1",
          ...attempt.headers,
        },
        body: JSON.stringify({ email: attempt.email ?? "lead@example.com", password: attempt.password ?? "right-password", name: "N" }),
      }),
      signInContext,
    );
  };
  const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;

  test("the right password gives a signed session cookie that reads back as the user", async () => {
    const response = await signIn({ email: "LEAD@example.com" });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^better-auth\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Plain HTTP: a Secure cookie would be dropped by the browser.
    expect(cookie).not.toMatch(/Secure/i);
    const session = await instances.http.api.getSession({ headers: new Headers({ cookie: cookieOf(response) }) });
    expect(session?.user).toMatchObject({ email: "lead@example.com", role: "manager" });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { email: "lead@example.com" } })).lastLoginAt).not.toBeNull();

    // The token alone, without the signature made with the secret, is not a session.
    const unsigned = `better-auth.session_token=${decodeURIComponent(cookieOf(response).split("=")[1]!).split(".")[0]}`;
    expect(await instances.http.api.getSession({ headers: new Headers({ cookie: unsigned }) })).toBeNull();
  });

  test("the session table holds no usable token: its value is refused as a cookie, even signed with the secret", async () => {
    const response = await signIn({ peer: "192.0.2.10" });
    expect(response.status).toBe(200);
    const token = decodeURIComponent(cookieOf(response).split("=")[1]!).split(".")[0]!;
    // The forging helper is right: it reproduces the cookie better-auth issued.
    expect(signedCookie("better-auth.session_token", token)).toBe(cookieOf(response));

    const rows = await db().prisma.$queryRaw<{ token_hash: string }[]>`SELECT token_hash FROM sessions ORDER BY id DESC LIMIT 1`;
    const stored = rows[0]!.token_hash;
    expect(stored).not.toContain(token);
    for (const cookie of [`better-auth.session_token=${stored}`, signedCookie("better-auth.session_token", stored)]) {
      expect(await instances.http.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    }

    // Signing out finds the row by the hash of the cookie's token and deletes it.
    await instances.http.api.signOut({ headers: new Headers({ cookie: cookieOf(response) }) });
    expect(await db().prisma.session.count({ where: { token: stored } })).toBe(0);
    expect(await instances.http.api.getSession({ headers: new Headers({ cookie: cookieOf(response) }) })).toBeNull();
  });

  test("the session records the socket's address, not a spoofed X-Forwarded-For", async () => {
    const response = await signIn({ peer: "192.0.2.77", headers: { "x-forwarded-for": "203.0.113.5", "x-real-ip": "203.0.113.6" } });
    expect(response.status).toBe(200);
    const session = await instances.http.api.getSession({ headers: new Headers({ cookie: cookieOf(response) }) });
    expect(session?.session.ipAddress).toBe("192.0.2.77");
  });

  test("through a trusted HTTPS proxy: the forwarded client is recorded and the cookie is __Secure-…; Secure", async () => {
    const response = await signIn({
      peer: PROXY,
      host: "deskpulse.example.com",
      origin: "https://deskpulse.example.com",
      headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.23", "x-forwarded-proto": "https" },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(cookie).toMatch(/; Secure/);
    const session = await instances.https.api.getSession({ headers: new Headers({ cookie: cookieOf(response) }) });
    expect(session?.session.ipAddress).toBe("198.51.100.23");
  });

  test("X-Forwarded-Proto from a peer that is not a trusted proxy does not make the cookie Secure", async () => {
    const response = await signIn({ host: "10.1.2.3:3000", headers: { "x-forwarded-proto": "https" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).not.toMatch(/Secure/i);
  });

  test.each(["localhost:3000", "127.0.0.1:3000", "127.0.0.2:3000", "10.1.2.3:3000", "deskpulse.lan", "[::1]:3000"])(
    "same-origin sign-in at %s is accepted",
    async (host) => {
      expect((await signIn({ host })).status).toBe(200);
    },
  );

  test.each([
    ["another site", "http://evil.example"],
    ["the server under another name", "http://localhost:3000"],
    ["the same host over the other scheme", "https://10.1.2.3:3000"],
  ])("a sign-in posted from %s is refused", async (_, origin) => {
    const response = await signIn({ host: "10.1.2.3:3000", origin });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  test("DESKPULSE_PUBLIC_URL pins the one trusted origin, and its scheme decides Secure", async () => {
    const publicUrl = "https://dash.example.com";
    const pinned = { http: createAuth(db().prisma, SECRET, { secure: false, publicUrl }), https: createAuth(db().prisma, SECRET, { secure: true, publicUrl }) };
    const pinnedContext: SignInContext = {
      limiter: createSignInLimiter(),
      clientConfig: { trustedProxies: [], publicUrl },
      auth: async ({ https }) => (https ? pinned.https : pinned.http),
    };
    // The proxy rewrote Host; the browser's origin is the public one.
    const through = await signIn({ host: "127.0.0.1:3000", origin: publicUrl }, pinnedContext);
    expect(through.status).toBe(200);
    expect(through.headers.get("set-cookie")).toMatch(/^__Secure-better-auth\.session_token=.*; Secure/);
    // Opened by its own address, bypassing the public URL: not a trusted origin.
    expect((await signIn({ host: "10.1.2.3:3000" }, pinnedContext)).status).toBe(403);
  });

  test("a wrong password and an unknown email get the same answer", async () => {
    const wrong = await signIn({ password: "wrong-password" });
    const unknown = await signIn({ email: "nobody@example.com", password: "wrong-password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  test(`one address gets ${SIGN_IN_ATTEMPTS_PER_WINDOW} attempts, then 429 with Retry-After, spoofed X-Forwarded-For or not`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW; i++) {
      statuses.push((await signIn({ password: `guess-${i}`, peer: "192.0.2.30", headers: { "x-forwarded-for": `203.0.113.${i}` } })).status);
    }
    expect(statuses).toEqual(Array(SIGN_IN_ATTEMPTS_PER_WINDOW).fill(401));
    const limited = await signIn({ peer: "192.0.2.30", headers: { "x-forwarded-for": "203.0.113.200" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: "too_many_attempts" });
    // Another address, against another account, is unaffected.
    await createUser(db().prisma, { email: "other@example.com", password: "other-password", role: "manager" });
    expect((await signIn({ email: "other@example.com", password: "other-password", peer: "192.0.2.31" })).status).toBe(200);
  });

  test("one account gets the same number of failures however many addresses they come from", async () => {
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW; i++) {
      expect((await signIn({ password: `guess-${i}`, peer: `192.0.2.${100 + i}` })).status).toBe(401);
    }
    const limited = await signIn({ peer: "192.0.2.200" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("nobody can sign themselves up", async () => {
    const response = await signIn({ email: "new@example.com", password: "password-123", path: "/sign-up/email" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await db().prisma.user.findUnique({ where: { email: "new@example.com" } })).toBeNull();
  });
});
