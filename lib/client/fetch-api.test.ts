import { describe, expect, it, vi } from "vitest";

import { stubFetch } from "@/lib/testing/stub-fetch";

import { ApiError } from "./api-error";
import { fetchApi } from "./fetch-api";

describe("fetchApi", () => {
  it("returns the parsed body, asks past the browser's cache and forwards the abort signal", async () => {
    const fetchMock = stubFetch(Response.json({ unread: 2, items: [] }));
    const controller = new AbortController();
    await expect(fetchApi("/api/v1/notifications", { signal: controller.signal })).resolves.toEqual({ unread: 2, items: [] });
    expect(fetchMock).toHaveBeenCalledWith("/api/v1/notifications", { cache: "no-store", signal: controller.signal });
  });

  it("throws ApiError with the status and today's { error, message } body", async () => {
    stubFetch(Response.json({ error: "disconnected", message: "This screen was disconnected." }, { status: 401 }));
    const error = await fetchApi("/api/v1/tv/dps_x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "disconnected", message: "This screen was disconnected." });
    expect(ApiError.isStatus(error, 401)).toBe(true);
    expect(ApiError.isStatus(error, 403)).toBe(false);
  });

  it("reads an RFC 9457 problem+json body", async () => {
    const body = { type: "invalid_params", title: "Bad filters", detail: "team is not a team you may see", status: 400, invalid_params: [{ name: "team", reason: "unknown" }] };
    stubFetch(new Response(JSON.stringify(body), { status: 400, headers: { "content-type": "application/problem+json" } }));
    const error = (await fetchApi("/api/v1/dashboards/x?team=9").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_params");
    expect(error.message).toBe("team is not a team you may see");
    expect(error.problem?.invalid_params).toEqual([{ name: "team", reason: "unknown" }]);
  });

  it("throws ApiError without a problem when the body is not JSON (a proxy's error page)", async () => {
    stubFetch(new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }));
    const error = (await fetchApi("/api/v1/notifications").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.problem).toBeNull();
    expect(error.code).toBeNull();
    expect(error.message).toBe("The server answered 502.");
  });

  it("lets an abort reject as an abort, not as an ApiError", async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>((_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))),
    );
    const pending = fetchApi("/api/v1/notifications", { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
