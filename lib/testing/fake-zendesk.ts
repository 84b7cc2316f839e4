import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for the Zendesk Support endpoints the connector reads, answering in the shapes of
// Zendesk's published examples (incremental cursor export, ticket events, cursor pagination, the
// 401 and 429 error answers). Tickets are generated: ticket i is updated at BASE + i minutes.

export const FAKE_ZENDESK_BASE = Date.parse("2026-01-01T00:00:00Z");
export const FAKE_ZENDESK_EMAIL = "admin@example.com";
export const FAKE_ZENDESK_TOKEN = "secret-token";

const AGENTS = [
  { id: 1, name: "Ada Agent", email: "ada@example.com", role: "agent", default_group_id: 11 },
  { id: 2, name: "Bo Admin", email: "bo@example.com", role: "admin", default_group_id: 12 },
  { id: 3, name: "Cy Agent", email: "cy@example.com", role: "agent", default_group_id: null },
];
const GROUPS = [
  { id: 11, name: "Billing", deleted: false },
  { id: 12, name: "Tech", deleted: false },
];
const REQUESTER = 900;
const CHANNELS = ["email", "web", "chat", "voice", "twitter"];
const STATUSES = ["new", "open", "pending", "hold", "solved", "closed"];

const minute = (i: number) => new Date(FAKE_ZENDESK_BASE + i * 60_000).toISOString().replace(".000Z", "Z");

function ticket(i: number) {
  return {
    url: `https://example.zendesk.com/api/v2/tickets/${i + 1}.json`,
    id: i + 1,
    created_at: minute(i),
    updated_at: minute(i + 1),
    subject: `Help with order ${i + 1}`,
    status: STATUSES[i % STATUSES.length],
    priority: i % 7 === 0 ? null : ["low", "normal", "high", "urgent"][i % 4],
    via: { channel: CHANNELS[i % CHANNELS.length], source: { from: {}, to: {}, rel: null } },
    group_id: GROUPS[i % 2]!.id,
    assignee_id: AGENTS[i % 3]!.id,
    requester_id: REQUESTER,
  };
}
function metricSet(i: number) {
  const solved = STATUSES[i % STATUSES.length] === "solved" || STATUSES[i % STATUSES.length] === "closed";
  return {
    id: 5000 + i,
    ticket_id: i + 1,
    reopens: i % 5 === 0 ? 1 : 0,
    replies: 1,
    reply_time_in_minutes: { calendar: 1, business: 1 },
    solved_at: solved ? minute(i + 1) : null,
  };
}
/** Two comments per ticket, in one audit: the requester's question and an agent's reply (private for every 4th). */
function ticketEvent(i: number) {
  return {
    id: 70_000 + i,
    ticket_id: i + 1,
    timestamp: (FAKE_ZENDESK_BASE + i * 60_000) / 1000,
    created_at: minute(i),
    updater_id: REQUESTER,
    via: "Web form",
    event_type: "Audit",
    child_events: [
      { id: 100_000 + 2 * i, event_type: "Comment", author_id: REQUESTER, public: true, body: "Where is my order?", created_at: minute(i) },
      { id: 100_001 + 2 * i, event_type: "Comment", author_id: AGENTS[i % 3]!.id, public: i % 4 !== 0, body: "Looking", created_at: minute(i) },
      { id: 900_000 + i, event_type: "Change", field_name: "status", value: "open" },
    ],
  };
}
/** Every 10th ticket is rated; "offered" ratings have no answer yet. */
function rating(i: number) {
  return {
    id: 30_000 + i,
    ticket_id: i + 1,
    assignee_id: AGENTS[i % 3]!.id,
    group_id: GROUPS[i % 2]!.id,
    requester_id: REQUESTER,
    score: i % 30 === 0 ? "bad" : i % 20 === 0 ? "offered" : "good",
    created_at: minute(i + 1),
    updated_at: minute(i + 1),
    comment: i % 30 === 0 ? "Too slow" : null,
  };
}

export interface FakeZendesk {
  url: string;
  /** Requests answered so far, as "METHOD path?query". */
  requests: string[];
  /** Answers served before the normal ones, one per request (a 429, a 5xx...). */
  failNext: { status: number; headers?: Record<string, string>; body: unknown }[];
  /** Called before each request is answered; throw or abort there to simulate a kill. */
  onRequest?: (path: string) => void;
  close(): Promise<void>;
}

export async function startFakeZendesk(options: { tickets: number; pageSize?: number; eventPageSize?: number }): Promise<FakeZendesk> {
  const pageSize = options.pageSize ?? 1000;
  const eventPageSize = options.eventPageSize ?? 1000;
  const ratedTickets = Array.from({ length: options.tickets }, (_, i) => i).filter((i) => i % 10 === 0);
  const fake: FakeZendesk = { url: "", requests: [], failNext: [], close: async () => {} };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", fake.url);
    fake.requests.push(`${req.method} ${url.pathname}${url.search}`);
    fake.onRequest?.(url.pathname);
    const failure = fake.failNext.shift();
    if (failure) return send(res, failure.status, failure.body, failure.headers);
    const expected = `Basic ${Buffer.from(`${FAKE_ZENDESK_EMAIL}/token:${FAKE_ZENDESK_TOKEN}`).toString("base64")}`;
    if (req.headers.authorization !== expected) return send(res, 401, { error: "Couldn't authenticate you" });
    const q = url.searchParams;
    const cursorList = <T>(key: string, items: T[], size: number) => {
      const after = Number(q.get("page[after]") ?? 0);
      const slice = items.slice(after, after + size);
      const more = after + size < items.length;
      const next = new URL(url);
      next.searchParams.set("page[after]", String(after + size));
      return { [key]: slice, meta: { has_more: more, after_cursor: more ? String(after + size) : null, before_cursor: null }, links: { next: more ? next.toString() : null, prev: null } };
    };

    switch (url.pathname) {
      case "/api/v2/users.json":
        return send(res, 200, cursorList("users", AGENTS.filter((a) => q.getAll("role[]").includes(a.role)), Math.min(2, Number(q.get("page[size]") ?? 100))));
      case "/api/v2/groups.json":
        return send(res, 200, cursorList("groups", GROUPS, Number(q.get("page[size]") ?? 100)));
      case "/api/v2/incremental/tickets/cursor.json": {
        const start = q.has("cursor")
          ? Number(Buffer.from(q.get("cursor")!, "base64").toString())
          : Math.max(0, Math.ceil((Number(q.get("start_time")) * 1000 - FAKE_ZENDESK_BASE) / 60_000) - 1);
        const end = Math.min(options.tickets, start + pageSize);
        const indexes = Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
        const afterCursor = Buffer.from(String(end)).toString("base64");
        return send(res, 200, {
          tickets: indexes.map(ticket),
          metric_sets: q.get("include")?.includes("metric_sets") ? indexes.map(metricSet) : undefined,
          after_url: `${fake.url}/api/v2/incremental/tickets/cursor.json?cursor=${afterCursor}`,
          after_cursor: afterCursor,
          before_url: null,
          before_cursor: null,
          end_of_stream: end >= options.tickets,
        });
      }
      case "/api/v2/incremental/ticket_events.json": {
        const startTime = Number(q.get("start_time"));
        const first = Math.max(0, Math.ceil((startTime * 1000 - FAKE_ZENDESK_BASE) / 60_000));
        const last = Math.min(options.tickets, first + eventPageSize);
        const events = Array.from({ length: Math.max(0, last - first) }, (_, k) => ticketEvent(first + k));
        const endTime = events.length ? events.at(-1)!.timestamp : startTime;
        return send(res, 200, {
          ticket_events: events,
          next_page: `${fake.url}/api/v2/incremental/ticket_events.json?start_time=${endTime}`,
          count: events.length,
          end_of_stream: last >= options.tickets,
          end_time: endTime,
        });
      }
      case "/api/v2/satisfaction_ratings.json": {
        const startTime = Number(q.get("start_time") ?? 0) * 1000;
        const ratings = ratedTickets.map(rating).filter((r) => Date.parse(r.updated_at) >= startTime);
        return send(res, 200, cursorList("satisfaction_ratings", ratings, Number(q.get("page[size]") ?? 100)));
      }
    }
    const single = /^\/api\/v2\/tickets\/(\d+)(\/metrics|\/comments)?\.json$/.exec(url.pathname);
    const i = single ? Number(single[1]) - 1 : -1;
    if (single && i >= 0 && i < options.tickets) {
      if (single[2] === "/metrics") return send(res, 200, { ticket_metric: metricSet(i) });
      if (single[2] === "/comments") {
        const children = ticketEvent(i).child_events.filter((c) => c.event_type === "Comment");
        return send(res, 200, { comments: children, users: [...AGENTS, { id: REQUESTER, name: "Rae Requester", role: "end-user" }], next_page: null, count: children.length });
      }
      return send(res, 200, { ticket: ticket(i) });
    }
    return send(res, 404, { error: "InvalidEndpoint", description: "Not found" });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
