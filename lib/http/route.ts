import "server-only";

import { z } from "zod";

import type { Permission } from "@/lib/auth/access";
import { authorizeRequest, type AuthenticatedPrincipal } from "@/lib/auth/authorize-request";
import { readSession } from "@/lib/auth/guards";
import { checkScreenToken } from "@/lib/auth/screen-tokens";
import { checkShareLinkToken, type ShareLinkGrant } from "@/lib/auth/share-links";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/database-errors";
import { getDb } from "@/lib/db/get-db";
import type { Database } from "@/lib/db/open-database";
import type { DatabaseKind } from "@/lib/db/sql-connection";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { ZParamText } from "./param-text";
import { problem, type InvalidParam } from "./problem";
import { readJsonBody } from "./read-json-body";
import { searchParamsRecord } from "./search-params-record";

// The one way into a route handler under app/api: resolve the path, open the database, authorise,
// parse the query and body with zod, run the handler, and answer every failure as one problem
// document. A handler sees typed input and a principal it may trust; it never catches an outage.

export type ScreenPrincipal = { kind: "screen"; screenId: number };
export type ShareLinkPrincipal = { kind: "share-link"; link: ShareLinkGrant };

/**
 * Credentials that travel in the path, for a browser that opens a secret link and has no session
 * or header: each kind's one check, what it stands for, and its refusal (401, so the client stops).
 */
const PATH_TOKENS = {
  screenToken: {
    check: async (prisma: PrismaClient, token: string): Promise<ScreenPrincipal | null> => {
      const screen = await checkScreenToken(prisma, token);
      return screen && { kind: "screen", screenId: screen.id };
    },
    refusal: ["disconnected", "This screen was disconnected: its token is unknown or was revoked."],
  },
  shareToken: {
    check: async (prisma: PrismaClient, token: string): Promise<ShareLinkPrincipal | null> => {
      const link = await checkShareLinkToken(prisma, token);
      return link && { kind: "share-link", link };
    },
    refusal: ["link_ended", "This view-only link no longer works: it is unknown, expired or was revoked."],
  },
} as const;
type PathTokenKind = keyof typeof PATH_TOKENS;
type PathTokenPrincipal<K extends PathTokenKind> = NonNullable<Awaited<ReturnType<(typeof PATH_TOKENS)[K]["check"]>>>;

/** A path-token mode: `{ screenToken: "token" }` names the path parameter that carries the token. */
type PathTokenAuth = { [K in PathTokenKind]: { [P in K]: string } }[PathTokenKind];

/** Who may call: holders of a permission, the holder of a path token of one kind, or anyone. */
export type RouteAuth = Permission | PathTokenAuth | "public";

type PrincipalOf<A extends RouteAuth> = A extends "public"
  ? null
  : A extends { screenToken: string }
    ? PathTokenPrincipal<"screenToken">
    : A extends { shareToken: string }
      ? PathTokenPrincipal<"shareToken">
      : AuthenticatedPrincipal;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a GET with the ETag tail returns instead of a response: the data and a tag that changes with it. */
export interface Tagged<T> {
  data: T;
  etag: string;
}

export interface RouteOptions<A extends RouteAuth, P, Q, B, E extends boolean> {
  auth: A;
  /** Path parameters; every segment is free of control characters before this runs (else 404). */
  params?: P;
  /** The query string as a Next.js-style record: a repeated name is an array. */
  query?: Q;
  /** A JSON body, read at most `maxBodyBytes` (1 MB unless given). */
  body?: B;
  maxBodyBytes?: number;
  /** The handler returns `{ data, etag }`; the wrapper answers 304 to a matching If-None-Match. */
  etag?: E;
  /** The JSON answered with the 503 of an outage instead of the problem document (health checks). */
  outageBody?: unknown;
}

export interface RouteContext<A extends RouteAuth, P, Q, B> {
  principal: PrincipalOf<A>;
  /** The database client, for the one lib/ function the handler calls. */
  db: PrismaClient;
  databaseKind: DatabaseKind;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  request: Request;
}

type HandlerResult<E extends boolean> = Promise<E extends true ? Response | Tagged<unknown> : Response>;

/** As Next.js calls a route handler; `params` is absent for routes without dynamic segments. */
export type RouteHandler = (request: Request, context?: { params?: Promise<unknown> }) => Promise<Response>;

const DEFAULT_MAX_BODY_BYTES = 1_000_000;
const OUTAGE_RETRY_SECONDS = 5;
const ZPathParams = z.record(z.string(), z.union([ZParamText, z.array(ZParamText)]));

export function route<
  const A extends RouteAuth,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  E extends boolean = false,
>(options: RouteOptions<A, P, Q, B, E>, handler: (context: RouteContext<A, P, Q, B>) => HandlerResult<E>): RouteHandler {
  return async (request, context) => {
    try {
      const segments = ZPathParams.safeParse((await context?.params) ?? {});
      const params = segments.success ? parseWith(options.params, segments.data) : null;
      if (!segments.success || !params?.success) return problem(404, "not_found", "No such resource.");

      const db = await openDatabase();
      const authorized = await authorize(db.prisma, request, options.auth, segments.data);
      if (authorized instanceof Response) return authorized;

      const query = parseWith(options.query, searchParamsRecord(new URL(request.url).searchParams));
      if (!query.success) return invalid(400, "invalid_parameter", query.error);

      let body: { success: true; data: unknown } | undefined;
      if (options.body) {
        const read = await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        if (!read.ok) return read.response;
        const parsed = options.body.safeParse(read.body);
        if (!parsed.success) return invalid(400, "invalid_body", parsed.error);
        body = parsed;
      }

      const result = await handler({
        principal: authorized as PrincipalOf<A>,
        db: db.prisma,
        databaseKind: db.kind,
        params: params.data as Parsed<P>,
        query: query.data as Parsed<Q>,
        body: body?.data as Parsed<B>,
        request,
      });
      return result instanceof Response ? result : taggedResponse(request, result);
    } catch (error) {
      return failureResponse(request, error, options.outageBody);
    }
  };
}

function parseWith(schema: z.ZodType | undefined, input: unknown): { success: true; data: unknown } | { success: false; error: z.ZodError } {
  return schema ? schema.safeParse(input) : { success: true, data: undefined };
}

/** The database, or a DatabaseUnavailableError: a failed first open is retried by the next request (get-db.ts). */
async function openDatabase(): Promise<Database> {
  try {
    return await getDb();
  } catch (error) {
    throw new DatabaseUnavailableError("the database could not be opened", OUTAGE_RETRY_SECONDS, { cause: error });
  }
}

async function authorize(
  prisma: PrismaClient,
  request: Request,
  auth: RouteAuth,
  segments: Record<string, string | string[]>,
): Promise<AuthenticatedPrincipal | ScreenPrincipal | ShareLinkPrincipal | null | Response> {
  if (auth === "public") return null;
  if (typeof auth === "object") {
    const [kind, parameter] = Object.entries(auth)[0] as [PathTokenKind, string];
    const { check, refusal } = PATH_TOKENS[kind];
    const token = segments[parameter];
    const principal = typeof token === "string" ? await check(prisma, token) : null;
    return principal ?? problem(401, refusal[0], refusal[1]);
  }
  const result = await authorizeRequest(prisma, request.headers, readSession, auth);
  if (!result.ok) return problem(result.status, result.status === 401 ? "unauthorized" : "forbidden", result.message);
  return result.principal;
}

/** Query parameters are named by their first path element, body fields by their whole path. */
function invalidParamsOf(error: z.ZodError, location: "query" | "body"): InvalidParam[] {
  return error.issues.map((issue) => ({
    name:
      location === "query"
        ? String(issue.path[0] ?? "query")
        : issue.path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), "") || "body",
    reason: issue.message,
  }));
}

function invalid(status: number, code: "invalid_parameter" | "invalid_body", error: z.ZodError): Response {
  const invalidParams = invalidParamsOf(error, code === "invalid_parameter" ? "query" : "body");
  const first = invalidParams[0]!;
  return problem(status, code, `${first.name}: ${first.reason}`, { invalidParams });
}

function taggedResponse(request: Request, { data, etag }: Tagged<unknown>): Response {
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  const known = (request.headers.get("if-none-match") ?? "").split(",").map((tag) => tag.trim());
  if (known.includes(etag) || known.includes("*")) return new Response(null, { status: 304, headers });
  return Response.json(data, { headers });
}

/** An outage is 503 + Retry-After; anything else unexpected a 500 that names nothing internal. Both are logged. */
function failureResponse(request: Request, error: unknown, outageBody: unknown): Response {
  const where = `${request.method} ${new URL(request.url).pathname}`;
  if (error instanceof DatabaseUnavailableError || isDatabaseUnavailable(error)) {
    console.error(`Deskpulse: ${where}: database unavailable:`, error);
    const retryAfter = String(error instanceof DatabaseUnavailableError ? error.retryAfterSeconds : OUTAGE_RETRY_SECONDS);
    if (outageBody !== undefined) {
      return Response.json(outageBody, { status: 503, headers: { "Retry-After": retryAfter, "Cache-Control": "no-store" } });
    }
    return problem(503, "unavailable", "The database is not reachable right now; retry the same request later.", {
      headers: { "Retry-After": retryAfter },
    });
  }
  console.error(`Deskpulse: ${where} failed:`, error);
  return problem(500, "internal_error", "The server could not answer this request; the error has been logged.");
}
