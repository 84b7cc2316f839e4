import { z } from "zod";

/**
 * A query parameter's or path segment's text: control characters (NUL first of all, which
 * Postgres text cannot hold) never reach a query. Every parameter schema is built on it; the route
 * wrapper answers 400 naming the parameter, or 404 for a path segment.
 */
export const ZParamText = z.string().regex(/^\P{Cc}*$/u, "must not contain control characters");
