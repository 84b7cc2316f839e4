import { describe, expect, it } from "vitest";

import { stubFetch } from "@/lib/testing/stub-fetch";

import { ApiError } from "./api-error";
import { fetchIfChanged, type Tagged } from "./fetch-if-changed";

const SNAPSHOT_PATH = "/api/v1/dashboards/service-overview";

describe("fetchIfChanged", () => {
  it("asks without an ETag the first time and keeps the one the answer carries", async () => {
    const fetchMock = stubFetch(Response.json({ volume: 12 }, { headers: { ETag: 'W/"a1"' } }));
    await expect(fetchIfChanged(SNAPSHOT_PATH, undefined)).resolves.toEqual({ data: { volume: 12 }, etag: 'W/"a1"' });
    expect(fetchMock).toHaveBeenCalledWith(SNAPSHOT_PATH, { headers: {}, cache: "no-store", signal: undefined });
  });

  it("sends the cached ETag and keeps the cached answer itself on 304", async () => {
    const cached: Tagged<{ volume: number }> = { data: { volume: 12 }, etag: 'W/"a1"' };
    const fetchMock = stubFetch(new Response(null, { status: 304, headers: { ETag: 'W/"a1"' } }));
    const controller = new AbortController();
    const answer = await fetchIfChanged(SNAPSHOT_PATH, cached, { signal: controller.signal });
    expect(answer).toBe(cached);
    expect(fetchMock).toHaveBeenCalledWith(SNAPSHOT_PATH, { headers: { "If-None-Match": 'W/"a1"' }, cache: "no-store", signal: controller.signal });
  });

  it("replaces the cached answer and its ETag when the numbers changed", async () => {
    stubFetch(Response.json({ volume: 13 }, { headers: { ETag: 'W/"b2"' } }));
    await expect(fetchIfChanged(SNAPSHOT_PATH, { data: { volume: 12 }, etag: 'W/"a1"' })).resolves.toEqual({ data: { volume: 13 }, etag: 'W/"b2"' });
  });

  it("treats a 304 with nothing cached as the failure it is", async () => {
    stubFetch(new Response(null, { status: 304 }));
    await expect(fetchIfChanged(SNAPSHOT_PATH, undefined)).rejects.toMatchObject({ name: "ApiError", status: 304 });
  });

  it("throws ApiError with the status and problem on a failed poll", async () => {
    stubFetch(Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 }));
    const error = await fetchIfChanged(SNAPSHOT_PATH, { data: { volume: 12 }, etag: 'W/"a1"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized", problem: { error: "unauthorized", message: "Sign in first." } });
  });
});
