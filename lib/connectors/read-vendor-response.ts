import { VendorPermanentError, VendorRateLimitedError, VendorTransientError } from "./vendor-errors";

const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Seconds to wait from `Retry-After` (seconds or an HTTP date), else the vendor's reset header. */
function retryAfterSeconds(headers: Headers, now: Date): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  if (retryAfter) {
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  const reset = headers.get("x-ratelimit-reset") ?? headers.get("ratelimit-reset");
  if (reset && /^\d+$/.test(reset.trim())) {
    const value = Number(reset.trim());
    // Some vendors send seconds until reset, others an epoch second.
    return value > 1_000_000_000 ? Math.max(0, value - Math.floor(now.getTime() / 1000)) : value;
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * The JSON body of a vendor response, or the error that says what the engine should do: 429 waits,
 * 401/403/404 stop the connection (credentials, plan or URL are wrong), 5xx retries later.
 */
export async function readVendorResponse<T>(response: Response, vendor: string, now = new Date()): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const detail = (await response.text().catch(() => "")).slice(0, 300);
  if (response.status === 429) throw new VendorRateLimitedError(retryAfterSeconds(response.headers, now));
  if (response.status === 401) throw new VendorPermanentError(`${vendor} refused the credentials (401); check the email/token or API key`);
  if (response.status === 403) throw new VendorPermanentError(`${vendor} refused access (403); the account may lack the permission or plan for this API`);
  if (response.status === 404) throw new VendorPermanentError(`${vendor} answered 404 at ${response.url || "the API"}; check the base URL`);
  if (response.status >= 500) throw new VendorTransientError(`${vendor} answered ${response.status}`);
  throw new VendorPermanentError(`${vendor} answered ${response.status}${detail ? `: ${detail}` : ""}`);
}
