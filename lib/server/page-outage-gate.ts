import type { IncomingMessage, ServerResponse } from "node:http";

// Pages cannot answer 503: the App Router renders a failed page as its error page with status 500.
// So the server entry asks its own health endpoint (at most once per PROBE_TTL_MS) before it hands a
// page request to Next.js, and while the database is away answers a page that says so, with 503 and
// Retry-After, the same as every API route does. API routes answer their own 503s.

const PROBE_TTL_MS = 2_000;
const PROBE_TIMEOUT_MS = 2_000;
export const PAGE_RETRY_AFTER_SECONDS = 5;

/** Whether the database was unreachable at the last probe; a probe that times out says nothing. */
export function createHealthProbe(healthUrl: string, now: () => number = Date.now): () => Promise<boolean> {
  let checkedAt = -Infinity;
  let unavailable = false;
  let pending: Promise<boolean> | null = null;
  return () => {
    if (now() - checkedAt < PROBE_TTL_MS) return Promise.resolve(unavailable);
    pending ??= fetch(healthUrl, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), cache: "no-store" })
      .then((response) => response.status === 503)
      .catch(() => false)
      .then((result) => {
        unavailable = result;
        checkedAt = now();
        pending = null;
        return result;
      });
    return pending;
  };
}

/** A browser's page load: not an API call, a Next.js asset or a server action. */
export function isPageRequest(request: IncomingMessage): boolean {
  const path = request.url ?? "/";
  return request.method === "GET" && !path.startsWith("/api/") && !path.startsWith("/_next/") && /text\/html/.test(request.headers.accept ?? "");
}

export function answerPageOutage(response: ServerResponse): void {
  response.writeHead(503, { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(PAGE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" });
  response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${PAGE_RETRY_AFTER_SECONDS}">
<title>Deskpulse: database unavailable</title>
<style>body{font-family:system-ui,sans-serif;background:#0f172a;color:#e2e8f0;display:grid;place-items:center;min-height:100vh;margin:0}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}</style>
</head><body><main><h1>The database cannot be reached right now</h1>
<p>Deskpulse is running, but its database is not answering. This page tries again every ${PAGE_RETRY_AFTER_SECONDS} seconds and opens by itself once the database is back.</p></main></body></html>`);
}
