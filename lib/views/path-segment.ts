/**
 * A dynamic path segment as the external id it names, or null when it cannot name one: a broken
 * percent-encoding or a control character (NUL included) is a 404, never a query that fails.
 */
export function pathSegment(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded.length === 0 || /[\u0000-\u001f\u007f]/.test(decoded) ? null : decoded;
}
