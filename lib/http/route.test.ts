import { afterEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";

import { createApiKey } from "@/lib/auth/api-keys";
import { createScreen } from "@/lib/auth/screen-tokens";
import { DatabaseUnavailableError } from "@/lib/db/database-errors";
import type { Database } from "@/lib/db/open-database";
import { useRouteDatabase } from "@/lib/testing/route-database";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { route } from "./route";

const url = (path = "/api/x") => `http://localhost${path}`;
const params = (values: Record<string, string | string[]> = {}) => ({ params: Promise.resolve(values) });
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
const echo = route({ auth: "public" }, async ({ principal }) => Response.json({ principal }));

describeEachDatabase("route()", ({ db }) => {
  useRouteDatabase(db);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe("auth", () => {
    const whoAmI = route({ auth: "kpis:read" }, async ({ principal }) => Response.json({ kind: principal.kind }));
    const ingestOnly = route({ auth: "data:ingest" }, async () => Response.json({ ok: true }));
    const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

    test("a permission: 401 without credentials or with an unknown key, 403 without the permission, else the principal", async () => {
      const key = (await createApiKey(db().prisma, { kind: "kpi", name: "k" })).key;
      const anonymous = await whoAmI(new Request(url()), params());
      expect(anonymous.status).toBe(401);
      expect(await json(anonymous)).toMatchObject({ type: "urn:deskpulse:problem:unauthorized", status: 401, error: "unauthorized" });
      expect((await whoAmI(new Request(url(), bearer("dpk_unknown")), params())).status).toBe(401);
      const forbidden = await ingestOnly(new Request(url(), bearer(key)), params());
      expect(forbidden.status).toBe(403);
      expect(await json(forbidden)).toMatchObject({ error: "forbidden", message: expect.stringContaining("ingest") });
      expect(await json(await whoAmI(new Request(url(), bearer(key)), params()))).toEqual({ kind: "kpi-key" });
    });

    test("a screen token in a path parameter: the screen, or 401 disconnected", async () => {
      const screen = await createScreen(db().prisma, { name: "Wall", dashboards: [], rotateSeconds: 30 });
      const tv = route({ auth: { screenToken: "token" } }, async ({ principal }) => Response.json(principal));
      expect(await json(await tv(new Request(url()), params({ token: screen.token })))).toEqual({ kind: "screen", screenId: screen.id });
      for (const token of ["dps_unknown", "not-a-screen-token"]) {
        const response = await tv(new Request(url()), params({ token }));
        expect(response.status).toBe(401);
        expect(await json(response)).toMatchObject({ error: "disconnected" });
      }
      // A screen token is not a session or key: it opens its screen's paths only.
      expect((await whoAmI(new Request(url(), bearer(screen.token)), params())).status).toBe(403);
    });

    test("public: no principal", async () => {
      expect(await json(await echo(new Request(url()), params()))).toEqual({ principal: null });
    });
  });

  describe("input", () => {
    test("a path segment with a control character is 404, also in a catch-all", async () => {
      for (const segments of [{ slug: "a\u0000b" }, { all: ["sign-in", "e\u001bmail"] }] as Record<string, string | string[]>[]) {
        const response = await echo(new Request(url()), params(segments));
        expect(response.status).toBe(404);
        expect(await json(response)).toMatchObject({ error: "not_found" });
      }
    });

    test("a path schema that refuses a segment is 404 too", async () => {
      const byId = route({ auth: "public", params: z.object({ id: z.coerce.number().int() }) }, async ({ params }) => Response.json(params));
      expect((await byId(new Request(url()), params({ id: "x" }))).status).toBe(404);
      expect(await json(await byId(new Request(url()), params({ id: "7" })))).toEqual({ id: 7 });
    });

    test("query errors: 400 problem+json with invalid_params naming each bad parameter", async () => {
      const listed = route(
        { auth: "public", query: z.object({ limit: z.coerce.number().max(10), sort: z.enum(["asc", "desc"]).optional() }) },
        async ({ query }) => Response.json(query),
      );
      const response = await listed(new Request(url("/api/x?limit=11&sort=up")), params());
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await json(response)).toMatchObject({
        type: "urn:deskpulse:problem:invalid_parameter",
        title: "Invalid parameter",
        status: 400,
        detail: expect.stringMatching(/^limit: /),
        error: "invalid_parameter",
        parameter: "limit",
        invalid_params: [
          { name: "limit", reason: expect.any(String) },
          { name: "sort", reason: expect.any(String) },
        ],
      });
      expect(await json(await listed(new Request(url("/api/x?limit=3")), params()))).toEqual({ limit: 3 });
    });

    test("body errors name each field by its path; the body is read as JSON within the limit", async () => {
      const create = route(
        { auth: "public", body: z.object({ name: z.string(), tags: z.array(z.string()) }), maxBodyBytes: 100 },
        async ({ body }) => Response.json(body),
      );
      const post = (body: string, contentType = "application/json") =>
        create(new Request(url(), { method: "POST", headers: { "content-type": contentType }, body }), params());
      const bad = await post(JSON.stringify({ name: 1, tags: ["a", 2] }));
      expect(bad.status).toBe(400);
      expect(await json(bad)).toMatchObject({
        error: "invalid_body",
        invalid_params: [{ name: "name" }, { name: "tags[1]" }],
      });
      expect((await post("{}", "text/plain")).status).toBe(415);
      expect(await json(await post("{"))).toMatchObject({ status: 400, error: "invalid_json" });
      expect((await post(JSON.stringify({ name: "x".repeat(200), tags: [] }))).status).toBe(413);
      expect(await json(await post(JSON.stringify({ name: "n", tags: ["t"] })))).toEqual({ name: "n", tags: ["t"] });
    });
  });

  test("the ETag tail: ETag and Cache-Control on 200, 304 without a body for a matching If-None-Match", async () => {
    const tagged = route({ auth: "public", etag: true }, async () => ({ data: { n: 1 }, etag: '"v1"' }));
    const first = await tagged(new Request(url()), params());
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"v1"');
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(await first.json()).toEqual({ n: 1 });
    const again = await tagged(new Request(url(), { headers: { "if-none-match": '"v0", "v1"' } }), params());
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe('"v1"');
    expect(await again.text()).toBe("");
    expect((await tagged(new Request(url(), { headers: { "if-none-match": '"v0"' } }), params())).status).toBe(200);
  });

  describe("failures", () => {
    const failing = (error: unknown) =>
      route({ auth: "public" }, async () => {
        throw error;
      });

    test("an outage is 503 problem+json with Retry-After, logged", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
      for (const [error, retryAfter] of [
        [refused, "5"],
        [new DatabaseUnavailableError("busy after retries", 2), "2"],
      ] as const) {
        const response = await failing(error)(new Request(url()), params());
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe(retryAfter);
        const body = await response.text();
        expect(JSON.parse(body)).toMatchObject({ type: "urn:deskpulse:problem:unavailable", status: 503, error: "unavailable" });
        expect(body).not.toMatch(/10\.0\.0\.5|5432|ECONNREFUSED|busy after/);
      }
      expect(log).toHaveBeenCalledWith(expect.stringContaining("GET /api/x: database unavailable"), refused);
    });

    test("a database that cannot be opened is 503; the next request opens it again", async () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database> };
      const failed = Promise.reject(new Error("password authentication failed"));
      failed.catch(() => {});
      holder.__deskpulseDb = failed;
      const down = await echo(new Request(url()), params());
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      holder.__deskpulseDb = Promise.resolve(db());
      expect((await echo(new Request(url()), params())).status).toBe(200);
    });

    test("outageBody replaces the problem document (health checks)", async () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const health = route({ auth: "public", outageBody: { status: "unavailable" } }, async () => {
        throw Object.assign(new Error("Connection terminated unexpectedly at db.internal:5432"), { code: "ECONNRESET" });
      });
      const response = await health(new Request(url()), params());
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ status: "unavailable" });
    });

    test("any other error is a 500 problem that shows nothing internal, logged", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const bug = new TypeError("Cannot read properties of undefined (reading 'secretColumn')");
      const response = await failing(bug)(new Request(url()), params());
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ type: "urn:deskpulse:problem:internal_error", status: 500, error: "internal_error" });
      expect(body).not.toMatch(/secretColumn|TypeError/);
      expect(log).toHaveBeenCalledWith(expect.stringContaining("GET /api/x failed"), bug);
    });
  });
});
