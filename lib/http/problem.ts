import { STATUS_CODES } from "node:http";

// Every 4xx and 5xx a route answers is one RFC 9457 problem document. `type` is a URN rather than
// an https URL: nothing is published at such an address, and a URL that does not resolve would
// invite clients to fetch it. Clients written before this shape read `error` (the stable code),
// `message` and `parameter`; those stay as extension members (docs/api.md).

const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** One invalid query parameter, path parameter or body field, as RFC 9457's example names it. */
export interface InvalidParam {
  name: string;
  reason: string;
}

export interface ProblemOptions {
  invalidParams?: InvalidParam[];
  /** Further extension members, such as ingest's `errors` list. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The title of each problem type: the same for every occurrence, unlike `detail`. */
const TITLES: Record<string, string> = {
  invalid_parameter: "Invalid parameter",
  invalid_body: "Invalid request body",
  invalid_json: "Malformed JSON",
  invalid_records: "Invalid records",
  unsupported_media_type: "Unsupported media type",
  payload_too_large: "Request body too large",
  too_many_records: "Too many records",
  unauthorized: "Not authenticated",
  forbidden: "Not allowed",
  disconnected: "Screen disconnected",
  link_ended: "View-only link ended",
  not_found: "Not found",
  unavailable: "Service unavailable",
  internal_error: "Internal server error",
};

function problemType(code: string): string {
  return `urn:deskpulse:problem:${code}`;
}

/** The problem response: `code` is the stable machine-readable name, `detail` a sentence for people. */
export function problem(status: number, code: string, detail: string, options: ProblemOptions = {}): Response {
  const invalid = options.invalidParams ?? [];
  const body = {
    type: problemType(code),
    title: TITLES[code] ?? STATUS_CODES[status] ?? "Error",
    status,
    detail,
    ...(invalid.length ? { invalid_params: invalid } : {}),
    error: code,
    message: detail,
    ...(invalid.length ? { parameter: invalid[0]!.name } : {}),
    ...options.extensions,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...options.headers, "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
