import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

import { resolveClient } from "@/lib/auth/resolve-client";
import { getEnv } from "@/lib/env";
import { problem } from "@/lib/http/problem";

// Runs before every page: a fresh CSP nonce for Next.js's own scripts, and a quick redirect to
// sign-in when there is no session cookie at all. It checks only that a cookie exists; whether it
// is valid, and what the user may see, is decided on the server by lib/auth/guards.ts.

const PUBLIC_PAGES = [/^\/sign-in$/, /^\/setup\/[^/]+$/, /^\/tv\/[^/]+$/, /^\/share\/[^/]+$/];

/** The editor's wall preview is framed by the editor itself, and by nothing else. */
const FRAMED_BY_SELF = /^\/tv-preview\//;

function contentSecurityPolicy(nonce: string, development: boolean, framedBySelf: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Charts and React set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    framedBySelf ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next.js refuses a server action from another origin by throwing, which answers 500; refuse it
  // here as what it is, with the same origin rule as sign-in (lib/auth/resolve-client.ts).
  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    if (!origin || origin !== resolveClient(request.headers).origin) {
      return problem(403, "forbidden", "This form was sent from another site.");
    }
  }
  if (!PUBLIC_PAGES.some((page) => page.test(pathname)) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, getEnv().NODE_ENV === "development", FRAMED_BY_SELF.test(pathname));
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // The app icon is public: the sign-in page shows it before anyone has a session.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
