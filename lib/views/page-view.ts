// What every page view returns: the page's view model, or why there is no page to show. Pages
// turn a refusal into a 404, a 403 or the invalid-filters message; views never throw them, so
// their tests can see which one it was.

import { problem } from "@/lib/http/problem";

export type Refusal =
  | { ok: false; outcome: "not-found" }
  | { ok: false; outcome: "forbidden" }
  | { ok: false; outcome: "invalid-filters"; parameter: string; message: string };

export type PageView<T> = { ok: true; view: T } | Refusal;

export const NOT_FOUND: Refusal = { ok: false, outcome: "not-found" };
export const FORBIDDEN: Refusal = { ok: false, outcome: "forbidden" };

/** A refusal as a route answers it: 404, 403, or a 400 naming the filter. */
export function refusalProblem(refusal: Refusal): Response {
  switch (refusal.outcome) {
    case "not-found":
      return problem(404, "not_found", "No such resource.");
    case "forbidden":
      return problem(403, "forbidden", "These numbers are outside what you may see.");
    case "invalid-filters":
      return problem(400, "invalid_parameter", `${refusal.parameter}: ${refusal.message}`, {
        invalidParams: [{ name: refusal.parameter, reason: refusal.message }],
      });
  }
}
