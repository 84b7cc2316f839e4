import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a secret a vendor delivery carries equals the configured one, in time that does not
 * depend on where they differ. Both sides are hashed first so that different lengths compare in
 * constant time too (`timingSafeEqual` throws on a length mismatch, which would leak the length).
 */
export function secretsMatch(received: string, expected: string): boolean {
  if (!expected) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(received), digest(expected));
}
