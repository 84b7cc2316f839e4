import { createHash, randomBytes } from "node:crypto";

// API keys, TV screen tokens and view-only link tokens are 256 random bits, so a fast hash
// (SHA-256) is enough to store them safely; the memory-hard hash is for low-entropy passwords.
// Each is shown once, when it is created, and found again by its hash.

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new secret: the prefix that says what it opens, then 256 random bits. */
export function newSecretToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Last use is for the settings lists; a minute's precision is plenty and spares a write per request. */
export function isLastUseStale(lastUsedAt: Date | null, now = Date.now()): boolean {
  return !lastUsedAt || now - lastUsedAt.getTime() > 60_000;
}
