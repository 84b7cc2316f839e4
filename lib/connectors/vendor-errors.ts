/**
 * How a vendor call failed decides what the sync engine does next: wait and retry, or stop the
 * connection with a message a person can act on. Adapters throw these (`readVendorResponse` maps
 * HTTP statuses to them); anything else is treated as transient.
 */
export class VendorRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`the vendor asked to wait ${retryAfterSeconds} s (rate limit)`);
    this.name = "VendorRateLimitedError";
  }
}

/** Worth retrying later with backoff: 5xx, timeouts, resets. */
export class VendorTransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VendorTransientError";
  }
}

/** Retrying will not help (bad credentials, missing account, a 4xx the vendor documents as final). */
export class VendorPermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VendorPermanentError";
  }
}
