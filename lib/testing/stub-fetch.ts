import { afterEach, vi } from "vitest";

/** Replaces the global fetch with one that answers `response`, for the test that calls it; restored after each test. */
export function stubFetch(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});
