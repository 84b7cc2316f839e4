import { startVendorPeer, type VendorPeer } from "@/lib/connectors/start-vendor-peer";

import type { AircallCall } from "./aircall-adapter";

// An Aircall Public API v1 stand-in for the adapter tests: teams, users and calls with Aircall's
// page meta (`next_page_link`), the 50-per-page and 10,000-record limits, basic auth and the
// rate-limit headers. Records are shaped like Aircall's published call.ended example.

export const FAKE_AIRCALL_ID = "f1c3a9d2b7e4";
export const FAKE_AIRCALL_TOKEN = "8d6c0e2f4a1b9c7d";
const BASE = Date.parse("2026-11-01T08:00:00Z") / 1000;
export const CALL_COUNT = 130;
/** 60 calls created in the same second (a campaign), so they straddle pages. */
export const BURST_STARTED_AT = BASE + 3000;
/** The fake's clock, sent as every response's Date header. */
export const FAKE_AIRCALL_NOW = new Date((BASE + 3000 + 40 * 60) * 1000);
const MISSED_REASONS = ["out_of_opening_hours", "short_abandoned", "abandoned_in_ivr", "abandoned_in_classic", "no_available_agent", "agents_did_not_answer"];
const CALL_BASE_ID = 76259012;

export type FakeCall = AircallCall & Record<string, unknown>;

export function fakeAircallData() {
  const users = [
    { id: 216119, direct_link: "https://api.aircall.io/v1/users/216119", name: "François Delgado", email: "francois.delgado@example.com", available: true, availability_status: "available", time_zone: "Europe/Paris", language: "fr-FR", wrap_up_time: 10 },
    { id: 216120, direct_link: "https://api.aircall.io/v1/users/216120", name: "Amélie Roux", email: "amelie.roux@example.com", available: false, availability_status: "custom", time_zone: "Europe/Paris", language: "fr-FR", wrap_up_time: 0 },
    { id: 216121, direct_link: "https://api.aircall.io/v1/users/216121", name: "John Smith", email: "john.smith@example.com", available: false, availability_status: "unavailable", time_zone: "Europe/London", language: "en-GB", wrap_up_time: 0 },
  ];
  const teams = [
    { id: 1, name: "Support FR", created_at: BASE - 86_400, users: [users[0]!, users[1]!] },
    { id: 2, name: "Sales", created_at: BASE - 86_400, users: [users[2]!, users[0]!] },
  ];
  const number = { id: 58108, direct_link: "https://api.aircall.io/v1/numbers/58108", name: "Support line", digits: "+33 4 22 20 20 20", country: "FR", time_zone: "Europe/Paris", open: true, availability_status: "custom", is_ivr: false };
  const ref = (user: (typeof users)[number]) => ({ id: user.id, direct_link: user.direct_link, name: user.name, email: user.email, available: user.available, availability_status: user.availability_status });
  const calls: FakeCall[] = [];
  for (let i = 1; i <= CALL_COUNT; i++) {
    const started = i <= 40 ? BASE + i * 60 : i <= 100 ? BURST_STARTED_AT : BURST_STARTED_AT + (i - 100) * 60;
    const user = users[i % 2]!;
    const common = { id: CALL_BASE_ID + i, direct_link: `https://api.aircall.io/v1/calls/${CALL_BASE_ID + i}`, started_at: started, raw_digits: "+33 6 12 34 56 78", number, voicemail: null, recording: null, asset: null };
    if (i % 10 === 3) {
      calls.push({ ...common, direction: "inbound", status: "done", missed_call_reason: MISSED_REASONS[Math.floor(i / 10) % MISSED_REASONS.length]!, answered_at: null, ended_at: started + 20, duration: 20, user: null, teams: [] });
    } else if (i % 10 === 7) {
      calls.push({ ...common, direction: "outbound", status: "done", missed_call_reason: null, answered_at: started + 5, ended_at: started + 125, duration: 125, user: ref(user), teams: [] });
    } else if (i === 128 || i === 129) {
      calls.push({ ...common, direction: "inbound", status: "answered", missed_call_reason: null, answered_at: started + 8, ended_at: null, duration: 0, user: ref(user), teams: [{ id: 1, name: "Support FR" }] });
    } else if (i === 130) {
      calls.push({ ...common, direction: "inbound", status: "initial", missed_call_reason: null, answered_at: null, ended_at: null, duration: 0, user: null, teams: [] });
    } else {
      const answered = started + (i % 30);
      calls.push({ ...common, direction: "inbound", status: "done", missed_call_reason: null, answered_at: answered, ended_at: answered + 60 + i, duration: answered + 60 + i - started, user: ref(user), teams: [{ id: 1, name: "Support FR" }] });
    }
  }
  return { users, teams, calls };
}

export interface FakeAircall extends VendorPeer {
  data: ReturnType<typeof fakeAircallData>;
  /** The next request answers 429; `retryAfter` adds a Retry-After header to Aircall's reset header. */
  rateLimitNext(options: { resetInSeconds: number; retryAfter?: number }): void;
}

function paged<T>(items: T[], url: URL, peer: () => string) {
  const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 20), 50);
  const page = Number(url.searchParams.get("page") ?? 1);
  const last = Math.min(items.length, 10_000);
  const slice = items.slice((page - 1) * perPage, Math.min(page * perPage, last));
  const link = (to: number) => {
    const target = new URL(url.pathname + url.search, peer());
    target.searchParams.set("page", String(to));
    return target.toString();
  };
  return {
    slice,
    meta: {
      count: slice.length, total: items.length, current_page: page, per_page: perPage,
      next_page_link: page * perPage < last ? link(page + 1) : null,
      previous_page_link: page > 1 ? link(page - 1) : null,
    },
  };
}

export async function startFakeAircall(): Promise<FakeAircall> {
  const data = fakeAircallData();
  let rateLimit: { resetInSeconds: number; retryAfter?: number } | null = null;
  const expected = `Basic ${Buffer.from(`${FAKE_AIRCALL_ID}:${FAKE_AIRCALL_TOKEN}`).toString("base64")}`;
  let baseUrl = "";
  const peer = await startVendorPeer((url, request) => {
    const date = FAKE_AIRCALL_NOW.toUTCString();
    const headers = { Date: date, "X-AircallApi-Limit": "60", "X-AircallApi-Remaining": "59", "X-AircallApi-Reset": String(Math.floor(Date.now() / 1000) + 60) };
    if (rateLimit) {
      const { resetInSeconds, retryAfter } = rateLimit;
      rateLimit = null;
      return {
        status: 429,
        headers: {
          Date: date, "X-AircallApi-Limit": "60", "X-AircallApi-Remaining": "0", "X-AircallApi-Reset": String(Math.floor(Date.now() / 1000) + resetInSeconds),
          ...(retryAfter !== undefined && { "Retry-After": String(retryAfter) }),
        },
        body: { error: "Too Many Requests", troubleshoot: "Rate limit is 60 requests per minute" },
      };
    }
    if (request.headers.authorization !== expected) {
      return { status: 401, headers: { Date: date }, body: { error: "Unauthorized", troubleshoot: "Check your API ID and API token" } };
    }
    const path = url.pathname;
    if (path === "/v1/teams") {
      const { slice, meta } = paged(data.teams, url, () => baseUrl);
      return { status: 200, headers, body: { teams: slice, meta } };
    }
    if (path === "/v1/users") {
      const { slice, meta } = paged(data.users, url, () => baseUrl);
      return { status: 200, headers, body: { users: slice, meta } };
    }
    if (path === "/v1/calls") {
      const from = Number(url.searchParams.get("from") ?? 0);
      const to = Number(url.searchParams.get("to") ?? Infinity);
      const order = url.searchParams.get("order") === "desc" ? -1 : 1;
      const listed = data.calls
        .filter((call) => call.started_at >= from && call.started_at <= to)
        .sort((a, b) => order * (a.started_at - b.started_at || a.id - b.id));
      const { slice, meta } = paged(listed, url, () => baseUrl);
      return { status: 200, headers, body: { calls: slice, meta } };
    }
    const callMatch = /^\/v1\/calls\/(\d+)$/.exec(path);
    if (callMatch) {
      const call = data.calls.find((candidate) => candidate.id === Number(callMatch[1]));
      return call ? { status: 200, headers, body: { call } } : { status: 404, headers, body: { error: "Not found", troubleshoot: "No call with this id" } };
    }
    return { status: 404, headers, body: { error: "Not found", troubleshoot: `no route ${path}` } };
  });
  baseUrl = peer.baseUrl;
  return { ...peer, data, rateLimitNext: (options) => void (rateLimit = options) };
}
