import { startVendorPeer, type VendorPeer } from "@/lib/connectors/start-vendor-peer";

// A Freshdesk API v2 stand-in for the adapter tests: the endpoints the adapter calls, with the
// documented pagination (per_page ≤ 100, page ≤ 300 on the ticket list), filters, basic auth and
// error bodies. Records are shaped like the examples in Freshdesk's API reference.

export const FAKE_FRESHDESK_KEY = "sFdzmHnrTCzbnNYfXHjX";
const BASE = Date.parse("2026-11-01T00:00:00Z");
const minutes = (n: number) => n * 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The second in which 130 tickets were updated at once (a bulk action), so they straddle pages. */
export const BULK_UPDATED_AT = iso(BASE + minutes(200));
export const TICKET_COUNT = 230;
export const RATING_COUNT = 130;
const RATING_VALUES = [103, 102, 101, 100, -101, -102, -103];

export interface FakeTicket {
  id: number;
  subject: string;
  group_id: number | null;
  responder_id: number | null;
  requester_id: number;
  status: number;
  priority: number;
  source: number;
  spam: boolean;
  created_at: string;
  updated_at: string;
  stats: Record<string, string | null>;
}

export interface FakeConversation {
  id: number;
  ticket_id: number;
  user_id: number;
  incoming: boolean;
  private: boolean;
  body_text: string;
  source: number;
  created_at: string;
  updated_at: string;
}

export function fakeFreshdeskData() {
  const groups = [
    { id: 1, name: "Entertainers", description: "Singers dancers and stand-up comedians", agent_ids: [1, 2] },
    { id: 2, name: "Billing", description: "Invoices and refunds", agent_ids: [3] },
  ];
  const agents = [
    { id: 1, available: false, occasional: false, ticket_scope: 1, contact: { active: true, email: "superman@freshdesk.com", name: "Superman", language: "en", time_zone: "Chennai" } },
    { id: 2, available: true, occasional: false, ticket_scope: 1, contact: { active: true, email: "wonder.woman@freshdesk.com", name: "Wonder Woman", language: "en", time_zone: "Chennai" } },
    { id: 3, available: true, occasional: true, ticket_scope: 2, contact: { active: true, email: "batman@freshdesk.com", name: "Batman", language: "en", time_zone: "Chennai" } },
  ];
  const tickets: FakeTicket[] = [];
  const conversations: FakeConversation[] = [];
  let conversationId = 1;
  for (let i = 1; i <= TICKET_COUNT; i++) {
    const created = BASE + minutes(i);
    const updated = i <= 60 ? created + minutes(60) : i <= 190 ? Date.parse(BULK_UPDATED_AT) : Date.parse(BULK_UPDATED_AT) + minutes(i - 190);
    const status = [2, 3, 4, 5][i % 4]!;
    const responder = i % 7 === 0 ? null : (i % 3) + 1;
    const firstResponse = responder ? created + 10_000 * i : null;
    const resolved = status >= 4 ? Math.min(updated, created + minutes(30)) : null;
    tickets.push({
      id: i,
      subject: i === 20 ? "Support needed.." : `Ticket ${i}`,
      group_id: responder ? (responder === 3 ? 2 : 1) : null,
      responder_id: responder,
      requester_id: 1000 + i,
      status,
      priority: (i % 4) + 1,
      source: [1, 2, 3, 7, 9, 10][i % 6]!,
      spam: false,
      created_at: iso(created),
      updated_at: iso(updated),
      stats: {
        agent_responded_at: firstResponse ? iso(firstResponse) : null,
        requester_responded_at: null,
        first_responded_at: firstResponse ? iso(firstResponse) : null,
        status_updated_at: iso(updated),
        reopened_at: i % 10 === 0 ? iso(created + minutes(20)) : null,
        resolved_at: resolved ? iso(resolved) : null,
        closed_at: status === 5 && resolved ? iso(resolved) : null,
        pending_since: status === 3 ? iso(updated) : null,
      },
    });
    if (firstResponse && responder) {
      conversations.push({
        id: conversationId++, ticket_id: i, user_id: responder, incoming: false, private: false,
        body_text: "We are working on this issue. Will keep you posted.", source: 0,
        created_at: iso(firstResponse), updated_at: iso(firstResponse),
      });
    }
    if (i % 4 === 0) {
      conversations.push({
        id: conversationId++, ticket_id: i, user_id: responder ?? 1, incoming: false, private: true,
        body_text: "Checked with the billing team.", source: 2, created_at: iso(created + minutes(5)), updated_at: iso(created + minutes(5)),
      });
    }
    if (i % 5 === 0) {
      conversations.push({
        id: conversationId++, ticket_id: i, user_id: 1000 + i, incoming: true, private: false,
        body_text: "Thanks, any news?", source: 0, created_at: iso(created + minutes(6)), updated_at: iso(created + minutes(6)),
      });
    }
  }
  const ratings = Array.from({ length: RATING_COUNT }, (_, index) => {
    const ticket = tickets[index]!;
    return {
      id: 100 + index,
      survey_id: 1,
      user_id: ticket.requester_id,
      agent_id: ticket.responder_id,
      group_id: ticket.group_id,
      ticket_id: ticket.id,
      feedback: index % 2 ? "Thank you for the quick action" : null,
      ratings: { default_question: RATING_VALUES[index % RATING_VALUES.length]! },
      created_at: iso(Date.parse(ticket.created_at) + minutes(120)),
      updated_at: iso(Date.parse(ticket.created_at) + minutes(120)),
    };
  });
  return { groups, agents, tickets, conversations, ratings };
}

export interface FakeFreshdesk extends VendorPeer {
  data: ReturnType<typeof fakeFreshdeskData>;
  /** The next request answers 429 with this Retry-After. */
  rateLimitNext(seconds: number): void;
}

function paged<T>(items: T[], url: URL): T[] {
  const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30), 100);
  const page = Number(url.searchParams.get("page") ?? 1);
  return items.slice((page - 1) * perPage, page * perPage);
}

export async function startFakeFreshdesk(): Promise<FakeFreshdesk> {
  const data = fakeFreshdeskData();
  let rateLimitSeconds: number | null = null;
  const expected = `Basic ${Buffer.from(`${FAKE_FRESHDESK_KEY}:X`).toString("base64")}`;
  const peer = await startVendorPeer((url, request) => {
    const headers = { "X-RateLimit-Total": "700", "X-RateLimit-Remaining": "699", "X-RateLimit-Used-CurrentRequest": "1" };
    if (rateLimitSeconds !== null) {
      const seconds = rateLimitSeconds;
      rateLimitSeconds = null;
      return { status: 429, headers: { "Retry-After": String(seconds), "X-RateLimit-Remaining": "0" }, body: { message: "You have exceeded the limit of requests per minute" } };
    }
    if (request.headers.authorization !== expected) {
      return { status: 401, body: { code: "invalid_credentials", message: "You have to be logged in to perform this action." } };
    }
    const path = url.pathname;
    if (path === "/api/v2/groups") return { status: 200, headers, body: paged(data.groups, url) };
    if (path === "/api/v2/agents") return { status: 200, headers, body: paged(data.agents, url) };
    if (path === "/api/v2/tickets") {
      if (Number(url.searchParams.get("page") ?? 1) > 300) {
        return {
          status: 400,
          body: { description: "Validation failed", errors: [{ field: "page", message: "You cannot access tickets beyond the 300th page. Please provide a smaller page number.", code: "invalid_value" }] },
        };
      }
      const since = Date.parse(url.searchParams.get("updated_since") ?? "1970-01-01T00:00:00Z");
      const listed = data.tickets
        .filter((ticket) => Date.parse(ticket.updated_at) >= since)
        .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id)
        .map(({ stats, ...ticket }) => (url.searchParams.get("include") === "stats" ? { ...ticket, stats } : ticket));
      return { status: 200, headers, body: paged(listed, url) };
    }
    const conversationsMatch = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(path);
    if (conversationsMatch) {
      const own = data.conversations.filter((conversation) => conversation.ticket_id === Number(conversationsMatch[1]));
      return { status: 200, headers, body: paged(own, url) };
    }
    const ticketMatch = /^\/api\/v2\/tickets\/(\d+)$/.exec(path);
    if (ticketMatch) {
      const ticket = data.tickets.find((candidate) => candidate.id === Number(ticketMatch[1]));
      return ticket ? { status: 200, headers, body: ticket } : { status: 404, body: { code: "access_denied", message: "Record not found" } };
    }
    if (path === "/api/v2/surveys/satisfaction_ratings") {
      const since = Date.parse(url.searchParams.get("created_since") ?? "1970-01-01T00:00:00Z");
      return { status: 200, headers, body: paged(data.ratings.filter((rating) => Date.parse(rating.created_at) >= since), url) };
    }
    return { status: 404, body: { code: "not_found", message: `no route ${path}` } };
  });
  return { ...peer, data, rateLimitNext: (seconds) => void (rateLimitSeconds = seconds) };
}
