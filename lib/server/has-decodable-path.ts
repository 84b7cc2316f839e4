/**
 * Whether a request target's path is well-formed percent-encoding. Next.js answers a path such as
 * `/tickets/%E0%A4%A` with a 500 before any page runs, so the server entry turns it away as a 404.
 */
export function hasDecodablePath(target: string | undefined): boolean {
  const path = (target ?? "/").split("?")[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
