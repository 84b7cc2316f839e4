// What every page view returns: the page's view model, or why there is no page to show. Pages
// turn a refusal into a 404, a 403 or the invalid-filters message; views never throw them, so
// their tests can see which one it was.

export type Refusal =
  | { ok: false; outcome: "not-found" }
  | { ok: false; outcome: "forbidden" }
  | { ok: false; outcome: "invalid-filters"; parameter: string; message: string };

export type PageView<T> = { ok: true; view: T } | Refusal;

export const NOT_FOUND: Refusal = { ok: false, outcome: "not-found" };
export const FORBIDDEN: Refusal = { ok: false, outcome: "forbidden" };
