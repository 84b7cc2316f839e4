import { ApiError } from "./api-error";

/** A GET of one of Deskpulse's JSON endpoints, never from the browser's cache; failures throw ApiError. */
export async function fetchApi<T>(path: string, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(path, { cache: "no-store", signal });
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await response.json()) as T;
}
