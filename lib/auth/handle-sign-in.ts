import "server-only";

import { problem } from "@/lib/http/problem";

import { CLIENT_ADDRESS_HEADER, type Auth } from "./better-auth";
import { getAuth } from "./get-auth";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { clientConfigFromEnv, resolveClient, type ClientConfig, type RequestClient } from "./resolve-client";
import { createSignInLimiter, type SignInLimiter } from "./sign-in-limiter";

// A sign-in body is an email and a password; anything much larger is not one.
const MAX_BODY_BYTES = 16 * 1024;

// One limiter per process, shared by both instances (docs/access.md).
const holder = globalThis as typeof globalThis & { __deskpulseSignInLimiter?: SignInLimiter };

export interface SignInContext {
  limiter: SignInLimiter;
  clientConfig: ClientConfig;
  auth: (transport: { https: boolean }) => Promise<Auth>;
}

function serverContext(): SignInContext {
  holder.__deskpulseSignInLimiter ??= createSignInLimiter();
  return { limiter: holder.__deskpulseSignInLimiter, clientConfig: clientConfigFromEnv(), auth: getAuth };
}

function emailOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const email = parsed && typeof parsed === "object" && "email" in parsed ? parsed.email : null;
    return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The request better-auth sees: at the browser's origin (so that origin, and only it, is trusted),
 * with the resolved client address in the one header better-auth reads for it, and no forwarding
 * header of the client's left to be misread.
 */
function requestForAuth(request: Request, client: RequestClient & { origin: string }, body: string): Request {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  // The body is passed on as text, so its length is the new request's to work out.
  const dropped = ["content-length", "x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", PEER_ADDRESS_HEADER, CLIENT_ADDRESS_HEADER];
  for (const name of dropped) {
    headers.delete(name);
  }
  if (client.address) headers.set(CLIENT_ADDRESS_HEADER, client.address);
  return new Request(new URL(`${url.pathname}${url.search}`, client.origin), { method: request.method, headers, body });
}

/**
 * `POST /api/auth/sign-in/email`: refuses the attempt with 429 and Retry-After while the client's
 * address or the account is locked out (lib/auth/sign-in-limiter.ts), otherwise hands it to
 * better-auth for the transport the browser is on.
 */
export async function handleSignIn(request: Request, context: SignInContext = serverContext()): Promise<Response> {
  const { limiter } = context;
  const tooLarge = () => problem(413, "payload_too_large", "A sign-in request is an email and a password.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return tooLarge();
  const client = resolveClient(request.headers, context.clientConfig);
  const { origin } = client;
  if (!origin) return problem(400, "invalid_host", "The Host header does not name a host.");
  const email = emailOf(body);
  const verdict = limiter.attempt(client.address, email);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    const response = problem(429, "too_many_attempts", `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    response.headers.set("Retry-After", String(verdict.retryAfterSeconds));
    return response;
  }
  const auth = await context.auth({ https: client.https });
  const response = await auth.handler(requestForAuth(request, { ...client, origin }, body));
  if (response.ok && email) limiter.succeeded(email);
  return response;
}
