import { NextRequest } from "next/server";
import { expect, test } from "vitest";

import { proxy } from "./proxy";

const get = (path: string, cookie?: string) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));

test("a page without a session cookie redirects to sign-in, remembering where the visitor was going", () => {
  const response = get("/settings/users?tab=2");
  expect(response.status).toBe(307);
  expect(response.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Fsettings%2Fusers%3Ftab%3D2");
  expect(get("/").headers.get("location")).toBe("http://localhost:3000/sign-in");
});

test("sign-in, setup and TV pages are reachable without a session, with a nonce-based CSP", () => {
  for (const path of ["/sign-in", "/setup/abc", "/tv/dps_abc", "/share/dpv_abc"]) {
    const response = get(path);
    expect(response.headers.get("location"), path).toBeNull();
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  }
});

test("with a session cookie the page renders (the server then checks the session itself)", () => {
  const response = get("/kpis", "better-auth.session_token=abc.def");
  expect(response.headers.get("location")).toBeNull();
  expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
});

test("a server action from another origin, or without one, is a 403 problem; from the page's own origin it goes on", async () => {
  const action = (origin?: string) =>
    proxy(
      new NextRequest("http://localhost:3000/settings/targets", {
        method: "POST",
        headers: { "next-action": "abc123", cookie: "better-auth.session_token=abc.def", host: "localhost:3000", ...(origin ? { origin } : {}) },
      }),
    );
  for (const origin of ["http://evil.example", "http://localhost:3001", undefined]) {
    const response = action(origin);
    expect(response.status, String(origin)).toBe(403);
    expect(await response.json()).toMatchObject({ status: 403, error: "forbidden" });
  }
  expect(action("http://localhost:3000").status).toBe(200);
});

test("only the editor's wall preview may be framed, and only by Deskpulse itself", () => {
  const cookie = "better-auth.session_token=abc.def";
  expect(get("/tv-preview/overview", cookie).headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
  expect(get("/dashboards/overview/edit", cookie).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
});
