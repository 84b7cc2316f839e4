import { z } from "zod";

import type { ConnectorAdapter, ConnectorContext, SyncPage, WebhookDelivery, WebhookVerdict } from "@/lib/connectors/connector";
import { readVendorResponse } from "@/lib/connectors/read-vendor-response";
import { secretsMatch } from "@/lib/connectors/secrets-match";
import { VendorPermanentError } from "@/lib/connectors/vendor-errors";
import type {
  AgentRecord,
  IngestBatch,
  MessageRecord,
  SurveyRecord,
  TeamRecord,
  TicketRecord,
} from "@/lib/ingest/record-schemas";

// Freshdesk API v2 (docs/connectors-vendors.md#freshdesk). One sync run walks four phases, each
// page storing before the cursor moves: the roster (groups, agents), tickets by updated_at with
// their stats and conversations, then satisfaction ratings by created_at.

const VENDOR = "Freshdesk";
/** The most the list endpoints return per page. */
export const FRESHDESK_PER_PAGE = 100;
/** "You cannot access tickets beyond the 300th page": the list is walked by moving updated_since instead. */
export const FRESHDESK_MAX_TICKET_PAGE = 300;
/** The header the admin adds to the automation webhook, carrying the connection's shared secret. */
export const FRESHDESK_SECRET_HEADER = "x-deskpulse-secret";

const STATUS: Record<number, TicketRecord["status"]> = { 2: "open", 3: "pending", 4: "solved", 5: "closed" };
const PRIORITY: Record<number, NonNullable<TicketRecord["priority"]>> = { 1: "low", 2: "normal", 3: "high", 4: "urgent" };
const CHANNEL: Record<number, TicketRecord["channel"]> = {
  1: "email", 2: "web", 3: "phone", 5: "social", 6: "social", 7: "chat", 9: "web", 10: "email",
};
const OUTBOUND_EMAIL = 10;
/**
 * Freshdesk stores every survey answer as one of seven values whatever the scale the admin chose
 * (2 to 7 points); they are ordered from -103 (most unhappy) to 103 (most happy). Folded onto CSAT
 * 1-5 so that the 3- and 5-point scales land exactly on 1/3/5 and 1..5.
 */
export const FRESHDESK_RATING_TO_CSAT: Record<number, number> = { [-103]: 1, [-102]: 2, [-101]: 2, 100: 3, 101: 4, 102: 4, 103: 5 };

interface FreshdeskTicket {
  id: number;
  subject?: string | null;
  group_id?: number | null;
  responder_id?: number | null;
  status: number;
  priority?: number | null;
  source: number;
  created_at: string;
  updated_at: string;
  stats?: {
    first_responded_at?: string | null;
    resolved_at?: string | null;
    closed_at?: string | null;
    reopened_at?: string | null;
  } | null;
}

interface FreshdeskConversation {
  id: number;
  user_id?: number | null;
  incoming: boolean;
  private: boolean;
  created_at: string;
}

interface FreshdeskRating {
  id: number;
  agent_id?: number | null;
  group_id?: number | null;
  ticket_id?: number | null;
  feedback?: string | null;
  ratings?: Record<string, number> | null;
  created_at: string;
}

interface FreshdeskGroup {
  id: number;
  name: string;
}

interface FreshdeskAgent {
  id: number;
  contact?: { name?: string | null; email?: string | null } | null;
}

const ZCursor = z.discriminatedUnion("phase", [
  z.object({ phase: z.literal("roster"), ticketsSince: z.string(), ratingsSince: z.string() }),
  z.object({ phase: z.literal("tickets"), ticketsSince: z.string(), page: z.number().int().min(1), ratingsSince: z.string() }),
  z.object({
    phase: z.literal("ratings"), ticketsSince: z.string(), ratingsSince: z.string(), page: z.number().int().min(1), ratingsReached: z.string(),
  }),
]);
type Cursor = z.infer<typeof ZCursor>;

function readCursor(cursor: string | null, since: Date): Cursor {
  if (cursor === null) return { phase: "roster", ticketsSince: toFreshdeskTime(since), ratingsSince: toFreshdeskTime(since) };
  return ZCursor.parse(JSON.parse(cursor));
}

/** Freshdesk's filters take ISO 8601 to the second (`2015-01-19T02:00:00Z`). */
function toFreshdeskTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function basicAuth(secrets: Record<string, string>): string {
  // The API key is the user name; Freshdesk ignores the password and documents "X".
  return `Basic ${Buffer.from(`${secrets.apiKey}:X`).toString("base64")}`;
}

async function getJson<T>(context: ConnectorContext, path: string, query: Record<string, string | number> = {}): Promise<T> {
  const url = new URL(`${context.baseUrl}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  const response = await context.fetch(url, {
    headers: { Authorization: basicAuth(context.secrets), Accept: "application/json" },
    signal: context.signal,
  });
  return readVendorResponse<T>(response, VENDOR);
}

async function getAllPages<T>(context: ConnectorContext, path: string, query: Record<string, string | number> = {}): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const items = await getJson<T[]>(context, path, { ...query, per_page: FRESHDESK_PER_PAGE, page });
    all.push(...items);
    if (items.length < FRESHDESK_PER_PAGE) return all;
  }
}

const id = (value: number | null | undefined) => (value === null || value === undefined ? undefined : String(value));
const instant = (value: string | null | undefined) => value ?? undefined;

export function toTicketRecord(ticket: FreshdeskTicket): TicketRecord {
  const status = STATUS[ticket.status] ?? "open";
  const resolvedAt = status === "solved" || status === "closed" ? instant(ticket.stats?.resolved_at ?? ticket.stats?.closed_at) : undefined;
  return {
    externalId: String(ticket.id),
    channel: CHANNEL[ticket.source] ?? "web",
    ...(ticket.priority && PRIORITY[ticket.priority] && { priority: PRIORITY[ticket.priority] }),
    ...(ticket.subject && { subject: ticket.subject.slice(0, 1000) }),
    ...(id(ticket.group_id) && { team: id(ticket.group_id) }),
    ...(id(ticket.responder_id) && { assignee: id(ticket.responder_id) }),
    status,
    createdAt: ticket.created_at,
    ...(ticket.stats?.first_responded_at && { firstResponseAt: ticket.stats.first_responded_at }),
    ...(resolvedAt && { resolvedAt }),
    // Freshdesk keeps only the last reopen instant, not a count: at least one reopen happened.
    ...(ticket.stats?.reopened_at && { reopens: 1 }),
  };
}

/** The ticket's description is its first message; replies and notes follow as conversations. */
export function toMessageRecords(ticket: FreshdeskTicket, conversations: FreshdeskConversation[]): MessageRecord[] {
  const opening: MessageRecord =
    ticket.source === OUTBOUND_EMAIL
      ? { externalId: `${ticket.id}-description`, ticket: String(ticket.id), author: "agent", ...(id(ticket.responder_id) && { agent: id(ticket.responder_id) }), createdAt: ticket.created_at, public: true }
      : { externalId: `${ticket.id}-description`, ticket: String(ticket.id), author: "customer", createdAt: ticket.created_at, public: true };
  return [
    opening,
    ...conversations.map((conversation): MessageRecord => {
      const author = conversation.incoming ? "customer" : "agent";
      return {
        externalId: `${ticket.id}-${conversation.id}`,
        ticket: String(ticket.id),
        author,
        ...(author === "agent" && id(conversation.user_id) && { agent: id(conversation.user_id) }),
        createdAt: conversation.created_at,
        public: !conversation.private,
      };
    }),
  ];
}

export function toSurveyRecord(rating: FreshdeskRating): SurveyRecord | null {
  const answer = rating.ratings?.default_question;
  const score = answer === undefined ? undefined : FRESHDESK_RATING_TO_CSAT[answer];
  if (score === undefined) return null;
  return {
    externalId: String(rating.id),
    kind: "csat",
    score,
    respondedAt: rating.created_at,
    ...(id(rating.ticket_id) && { ticket: id(rating.ticket_id) }),
    ...(id(rating.agent_id) && { agent: id(rating.agent_id) }),
    ...(id(rating.group_id) && { team: id(rating.group_id) }),
    ...(rating.feedback && { comment: rating.feedback.slice(0, 5000) }),
  };
}

async function ticketsWithMessages(context: ConnectorContext, tickets: FreshdeskTicket[]): Promise<Pick<IngestBatch, "tickets" | "messages">> {
  const messages: MessageRecord[] = [];
  // One ticket at a time: conversations cost a request each, and the rate limit is per account.
  for (const ticket of tickets) {
    const conversations = await getAllPages<FreshdeskConversation>(context, `/api/v2/tickets/${ticket.id}/conversations`);
    messages.push(...toMessageRecords(ticket, conversations));
  }
  return { tickets: tickets.map(toTicketRecord), messages };
}

async function fetchRoster(context: ConnectorContext, cursor: Extract<Cursor, { phase: "roster" }>): Promise<SyncPage> {
  const groups = await getAllPages<FreshdeskGroup>(context, "/api/v2/groups");
  const agents = await getAllPages<FreshdeskAgent>(context, "/api/v2/agents");
  const batch: IngestBatch = {
    teams: groups.map((group): TeamRecord => ({ externalId: String(group.id), name: group.name })),
    agents: agents.map((agent): AgentRecord => ({
      externalId: String(agent.id),
      name: agent.contact?.name || String(agent.id),
      ...(agent.contact?.email && { email: agent.contact.email }),
    })),
  };
  const next: Cursor = { phase: "tickets", ticketsSince: cursor.ticketsSince, page: 1, ratingsSince: cursor.ratingsSince };
  return { batch, cursor: JSON.stringify(next), done: false };
}

/**
 * The next window after a page of tickets ordered by updated_at. It restarts at the last ticket's
 * second minus one (`updated_since` may be inclusive or not, and tickets updated in the same
 * second may straddle pages), so the overlap is re-read (upserts, no harm) and nothing is lost;
 * only when a whole page lies in that window does it turn the page instead.
 */
export function nextTicketWindow(since: string, page: number, tickets: FreshdeskTicket[]): { since: string; page: number } {
  const last = tickets.at(-1);
  if (!last) return { since, page };
  const restart = toFreshdeskTime(new Date(Date.parse(last.updated_at) - 1000));
  if (Date.parse(restart) > Date.parse(since)) return { since: restart, page: 1 };
  if (page >= FRESHDESK_MAX_TICKET_PAGE) {
    throw new VendorPermanentError(`${VENDOR} has more than ${FRESHDESK_MAX_TICKET_PAGE * FRESHDESK_PER_PAGE} tickets updated within two seconds of ${since}; the ticket list cannot be read past them`);
  }
  return { since, page: page + 1 };
}

async function fetchTickets(context: ConnectorContext, cursor: Extract<Cursor, { phase: "tickets" }>): Promise<SyncPage> {
  const tickets = await getJson<FreshdeskTicket[]>(context, "/api/v2/tickets", {
    updated_since: cursor.ticketsSince, order_by: "updated_at", order_type: "asc", include: "stats",
    per_page: FRESHDESK_PER_PAGE, page: cursor.page,
  });
  const batch = await ticketsWithMessages(context, tickets);
  const window = nextTicketWindow(cursor.ticketsSince, cursor.page, tickets);
  const last = tickets.at(-1);
  const reachedAt = last ? new Date(last.updated_at) : undefined;
  if (tickets.length === FRESHDESK_PER_PAGE) {
    const next: Cursor = { phase: "tickets", ticketsSince: window.since, page: window.page, ratingsSince: cursor.ratingsSince };
    return { batch, cursor: JSON.stringify(next), done: false, reachedAt };
  }
  // The next run re-reads from this window (page 1): tickets updated later come after it.
  const next: Cursor = { phase: "ratings", ticketsSince: window.since, ratingsSince: cursor.ratingsSince, page: 1, ratingsReached: cursor.ratingsSince };
  return { batch, cursor: JSON.stringify(next), done: false, reachedAt };
}

async function fetchRatings(context: ConnectorContext, cursor: Extract<Cursor, { phase: "ratings" }>): Promise<SyncPage> {
  const ratings = await getJson<FreshdeskRating[]>(context, "/api/v2/surveys/satisfaction_ratings", {
    created_since: cursor.ratingsSince, per_page: FRESHDESK_PER_PAGE, page: cursor.page,
  });
  // A survey must refer to a stored ticket; a ticket rated but not updated since the window began
  // was never read, so each rated ticket comes along (the ingest API refuses an unknown reference).
  const ticketIds = [...new Set(ratings.flatMap((rating) => (rating.ticket_id ? [rating.ticket_id] : [])))];
  const tickets: FreshdeskTicket[] = [];
  for (const ticketId of ticketIds) tickets.push(await getJson<FreshdeskTicket>(context, `/api/v2/tickets/${ticketId}`, { include: "stats" }));
  const surveys = ratings.flatMap((rating) => toSurveyRecord(rating) ?? []);
  const batch: IngestBatch = { tickets: tickets.map(toTicketRecord), surveys };
  const reached = ratings.reduce((max, rating) => (Date.parse(rating.created_at) > Date.parse(max) ? toFreshdeskTime(new Date(rating.created_at)) : max), cursor.ratingsReached);
  if (ratings.length === FRESHDESK_PER_PAGE) {
    const next: Cursor = { ...cursor, page: cursor.page + 1, ratingsReached: reached };
    return { batch, cursor: JSON.stringify(next), done: false, reachedAt: new Date(reached) };
  }
  const next: Cursor = { phase: "roster", ticketsSince: cursor.ticketsSince, ratingsSince: reached };
  return { batch, cursor: JSON.stringify(next), done: true, reachedAt: new Date(reached) };
}

const ZWebhookPayload = z.object({
  ticket_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(Number),
  updated_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "must be a date"),
});

/** The body the admin sets up (`{"ticket_id": …, "updated_at": …}`), also accepted inside Freshdesk's legacy `freshdesk_webhook` wrapper. */
function readWebhookPayload(payload: unknown) {
  const inner = payload && typeof payload === "object" && "freshdesk_webhook" in payload ? payload.freshdesk_webhook : payload;
  return ZWebhookPayload.safeParse(inner);
}

function verifyWebhook(delivery: WebhookDelivery, secrets: Record<string, string>): WebhookVerdict {
  if (!secrets.webhookSecret) return { ok: false, reason: "the connection has no webhook secret" };
  if (!secretsMatch(delivery.headers.get(FRESHDESK_SECRET_HEADER) ?? "", secrets.webhookSecret)) {
    return { ok: false, reason: `the ${FRESHDESK_SECRET_HEADER} header does not match the webhook secret` };
  }
  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const payload = readWebhookPayload(body);
  if (!payload.success) return { ok: false, reason: "the body needs ticket_id and updated_at" };
  const signedAt = new Date(payload.data.updated_at);
  return { ok: true, deliveryId: `freshdesk:${payload.data.ticket_id}:${signedAt.toISOString()}`, signedAt };
}

export const freshdeskAdapter: ConnectorAdapter = {
  kind: "freshdesk",
  label: "Freshdesk",
  secrets: z.object({
    apiKey: z.string().trim().min(1, "the API key is required (Profile settings → View API key)"),
    webhookSecret: z.string().min(16, "the webhook secret must be at least 16 characters").optional(),
  }) as z.ZodType<Record<string, string>>,
  secretFields: [
    { name: "apiKey", label: "API key" },
    { name: "webhookSecret", label: "Webhook secret for the X-Deskpulse-Secret header (optional, 16+ characters)" },
  ],
  async fetchPage(context, cursor) {
    const state = readCursor(cursor, context.since);
    if (state.phase === "roster") return fetchRoster(context, state);
    if (state.phase === "tickets") return fetchTickets(context, state);
    return fetchRatings(context, state);
  },
  webhook: {
    verify: verifyWebhook,
    async toBatch(context, payload) {
      const parsed = readWebhookPayload(payload);
      if (!parsed.success) return {};
      const ticket = await getJson<FreshdeskTicket>(context, `/api/v2/tickets/${parsed.data.ticket_id}`, { include: "stats" });
      return ticketsWithMessages(context, [ticket]);
    },
  },
};
