import { ApiError } from "./api-error";

/** An answer and the ETag it came with, kept together in the query cache so a poll can ask "changed since?". */
export interface Tagged<T> {
  data: T;
  etag: string;
}

/**
 * One conditional GET of a polled endpoint: sends the cached answer's ETag and keeps the cached
 * answer itself when the server says it is unchanged (304), so an idle poll costs no body and no
 * re-render. Failures throw ApiError.
 */
export async function fetchIfChanged<T>(path: string, cached: Tagged<T> | undefined, { signal }: { signal?: AbortSignal } = {}): Promise<Tagged<T>> {
  const headers: HeadersInit = cached?.etag ? { "If-None-Match": cached.etag } : {};
  const response = await fetch(path, { headers, cache: "no-store", signal });
  if (response.status === 304 && cached) return cached;
  if (!response.ok) throw await ApiError.fromResponse(response);
  return { data: (await response.json()) as T, etag: response.headers.get("etag") ?? "" };
}
