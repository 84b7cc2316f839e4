import { createHmac, timingSafeEqual } from "node:crypto";

import { z } from "zod";

import type { IngestBatch } from "@/lib/ingest/record-schemas";

import type { ConnectorAdapter, ConnectorContext, SyncPage, WebhookDelivery, WebhookVerdict } from "../connector";
import { readVendorResponse } from "../read-vendor-response";
import { VendorPermanentError } from "../vendor-errors";

import {
  toAgentRecord,
  toMessageRecord,
  toSurveyRecord,
  toTeamRecord,
  toTicketRecord,
  type ZendeskComment,
  type ZendeskGroup,
  type ZendeskMetricSet,
  type ZendeskSatisfactionRating,
  type ZendeskTicket,
  type ZendeskUser,
} from "./zendesk-records";

const VENDOR = "Zendesk Support";

// One sync round reads five sources in an order that keeps references pointing backwards (a
// message's ticket is stored before the message): agents, groups, tickets (cursor-based incremental
// export with metric sets), comments (incremental ticket events, up to the newest ticket stored)
// and satisfaction ratings. The cursor remembers the phase, each source's position, and the agent
// ids (a comment's author is an agent or the customer; the comment itself does not say).

const ZCursor = z.object({
  phase: z.enum(["agents", "groups", "tickets", "comments", "ratings"]),
  /** The next page's URL within the agents, groups or ratings listing. */
  pageUrl: z.string().nullable(),
  agentIds: z.array(z.number()),
  ticketsAfter: z.string().nullable(),
  /** Newest `updated_at` stored (epoch seconds): comments and ratings are read up to here. */
  ticketsHigh: z.number().nullable(),
  commentsStart: z.number().nullable(),
  ratingsStart: z.number().nullable(),
});
type Cursor = z.infer<typeof ZCursor>;

const ZSecrets = z
  .object({
    email: z.string().trim().optional(),
    token: z.string().trim().optional(),
    oauthToken: z.string().trim().optional(),
    webhookSecret: z.string().trim().optional(),
  })
  .refine((s) => Boolean(s.oauthToken) || (Boolean(s.email) && Boolean(s.token)), {
    message: "give email and token (an API token) or oauthToken",
    path: ["token"],
  })
  .transform((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v)) as Record<string, string>);

const epoch = (date: Date | string) => Math.floor(new Date(date).getTime() / 1000);

function authorization(secrets: Record<string, string>): string {
  if (secrets.oauthToken) return `Bearer ${secrets.oauthToken}`;
  return `Basic ${Buffer.from(`${secrets.email}/token:${secrets.token}`).toString("base64")}`;
}

async function getJson<T>(context: ConnectorContext, pathOrUrl: string): Promise<T> {
  const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${context.baseUrl}${pathOrUrl}`;
  // A next-page URL comes from the vendor's answer: it must stay on the configured host.
  if (new URL(url).origin !== new URL(context.baseUrl).origin) throw new VendorPermanentError(`${VENDOR} pointed the next page to another host (${new URL(url).origin})`);
  const response = await context.fetch(url, {
    headers: { authorization: authorization(context.secrets), accept: "application/json" },
    signal: context.signal ? AbortSignal.any([context.signal, AbortSignal.timeout(30_000)]) : AbortSignal.timeout(30_000),
  });
  return readVendorResponse<T>(response, VENDOR);
}

const initialCursor = (since: Date): Cursor => ({
  phase: "agents",
  pageUrl: null,
  agentIds: [],
  ticketsAfter: null,
  ticketsHigh: null,
  commentsStart: epoch(since),
  ratingsStart: epoch(since),
});

function parseCursor(cursor: string | null, since: Date): Cursor {
  if (cursor === null) return initialCursor(since);
  const parsed = ZCursor.safeParse(JSON.parse(cursor));
  if (!parsed.success) throw new VendorPermanentError("the saved Zendesk position is not readable; delete and add the connection again");
  return parsed.data;
}

const page = (batch: IngestBatch, next: Cursor, done = false, reachedAt?: Date): SyncPage => ({
  batch,
  cursor: JSON.stringify(next),
  done,
  ...(reachedAt && { reachedAt }),
});

interface CursorListing {
  meta?: { has_more?: boolean };
  links?: { next?: string | null };
}

async function fetchPage(context: ConnectorContext, raw: string | null): Promise<SyncPage> {
  const cursor = parseCursor(raw, context.since);
  const reached = cursor.ticketsHigh === null ? undefined : new Date(cursor.ticketsHigh * 1000);

  if (cursor.phase === "agents") {
    const body = await getJson<CursorListing & { users: ZendeskUser[] }>(
      context,
      cursor.pageUrl ?? "/api/v2/users.json?role%5B%5D=agent&role%5B%5D=admin&page%5Bsize%5D=100",
    );
    const agentIds = [...new Set([...(cursor.pageUrl ? cursor.agentIds : []), ...body.users.map((u) => u.id)])];
    const more = Boolean(body.meta?.has_more && body.links?.next);
    return page(
      { agents: body.users.map(toAgentRecord) },
      { ...cursor, agentIds, phase: more ? "agents" : "groups", pageUrl: more ? body.links!.next! : null },
      false,
      reached,
    );
  }

  if (cursor.phase === "groups") {
    const body = await getJson<CursorListing & { groups: ZendeskGroup[] }>(context, cursor.pageUrl ?? "/api/v2/groups.json?page%5Bsize%5D=100");
    const more = Boolean(body.meta?.has_more && body.links?.next);
    return page(
      { teams: body.groups.filter((g) => !g.deleted).map(toTeamRecord) },
      { ...cursor, phase: more ? "groups" : "tickets", pageUrl: more ? body.links!.next! : null },
      false,
      reached,
    );
  }

  if (cursor.phase === "tickets") {
    const query = cursor.ticketsAfter ? `cursor=${encodeURIComponent(cursor.ticketsAfter)}` : `start_time=${epoch(context.since)}`;
    const body = await getJson<{ tickets: ZendeskTicket[]; metric_sets?: ZendeskMetricSet[]; after_cursor: string | null; end_of_stream: boolean }>(
      context,
      `/api/v2/incremental/tickets/cursor.json?${query}&include=metric_sets&exclude_deleted=true&per_page=1000`,
    );
    const metrics = new Map((body.metric_sets ?? []).map((m) => [m.ticket_id, m]));
    const tickets = body.tickets.flatMap((t) => toTicketRecord(t, metrics.get(t.id)) ?? []);
    const high = body.tickets.reduce<number | null>((max, t) => Math.max(max ?? 0, epoch(t.updated_at)), cursor.ticketsHigh);
    const next: Cursor = {
      ...cursor,
      ticketsAfter: body.after_cursor ?? cursor.ticketsAfter,
      ticketsHigh: high,
      phase: body.end_of_stream ? "comments" : "tickets",
    };
    return page({ tickets }, next, false, high === null ? undefined : new Date(high * 1000));
  }

  if (cursor.phase === "comments") {
    const bound = cursor.ticketsHigh ?? epoch(context.since);
    const start = cursor.commentsStart ?? epoch(context.since);
    if (start > bound) return page({}, { ...cursor, phase: "ratings" }, false, reached);
    const body = await getJson<{
      ticket_events: { ticket_id: number; created_at: string; child_events?: (ZendeskComment & { event_type: string })[] }[];
      end_time?: number | null;
      end_of_stream: boolean;
    }>(context, `/api/v2/incremental/ticket_events.json?start_time=${start}&include=comment_events`);
    const agentIds = new Set(cursor.agentIds);
    const inRange = body.ticket_events.filter((e) => epoch(e.created_at) <= bound);
    const messages = inRange.flatMap((event) =>
      (event.child_events ?? [])
        .filter((child) => child.event_type === "Comment")
        .map((comment) => toMessageRecord(event.ticket_id, { ...comment, created_at: comment.created_at ?? event.created_at }, agentIds)),
    );
    // Time-based pages overlap at their edge (the next starts at end_time); re-reading a comment upserts it.
    const passedBound = inRange.length < body.ticket_events.length;
    const end = body.end_time ?? bound;
    const finished = body.end_of_stream || passedBound || end > bound;
    return page({ messages }, { ...cursor, commentsStart: finished ? Math.min(end, bound) : end, phase: finished ? "ratings" : "comments" }, false, reached);
  }

  const start = cursor.ratingsStart ?? epoch(context.since);
  const body = await getJson<CursorListing & { satisfaction_ratings: ZendeskSatisfactionRating[] }>(
    context,
    cursor.pageUrl ?? `/api/v2/satisfaction_ratings.json?start_time=${start}&page%5Bsize%5D=100`,
  );
  const bound = cursor.ticketsHigh ?? start;
  const ratings = body.satisfaction_ratings.filter((r) => epoch(r.updated_at ?? r.created_at) <= bound);
  const surveys = ratings.flatMap((r) => toSurveyRecord(r) ?? []);
  const more = Boolean(body.meta?.has_more && body.links?.next) && ratings.length === body.satisfaction_ratings.length;
  if (more) return page({ surveys }, { ...cursor, pageUrl: body.links!.next! }, false, reached);
  // The round is complete: the next run starts again with agents, each source from where it stopped.
  return page({ surveys }, { ...cursor, phase: "agents", pageUrl: null, ratingsStart: Math.max(start, bound) }, true, reached);
}

/** Zendesk signs `timestamp + body` with the webhook's signing secret (HMAC-SHA256, base64). */
function verify(delivery: WebhookDelivery, secrets: Record<string, string>): WebhookVerdict {
  const secret = secrets.webhookSecret;
  if (!secret) return { ok: false, reason: "this connection has no webhook signing secret" };
  const signature = delivery.headers.get("x-zendesk-webhook-signature");
  const timestamp = delivery.headers.get("x-zendesk-webhook-signature-timestamp");
  if (!signature || !timestamp) return { ok: false, reason: "the Zendesk signature headers are missing" };
  const expected = createHmac("sha256", secret).update(timestamp + delivery.rawBody).digest();
  const given = Buffer.from(signature, "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "the signature does not match" };
  const signedAt = new Date(timestamp);
  if (Number.isNaN(signedAt.getTime())) return { ok: false, reason: "the signature timestamp is not a date" };
  return { ok: true, deliveryId: delivery.headers.get("x-zendesk-webhook-invocation-id") ?? signature, signedAt };
}

const ZWebhookPayload = z.union([
  z.object({ detail: z.object({ id: z.coerce.number().int().positive() }) }),
  z.object({ ticket: z.object({ id: z.coerce.number().int().positive() }) }),
  z.object({ ticket_id: z.coerce.number().int().positive() }),
]);

/** A delivery names a ticket; its current state, metrics and comments are read from the API. */
async function toBatch(context: ConnectorContext, payload: unknown): Promise<IngestBatch> {
  const parsed = ZWebhookPayload.safeParse(payload);
  if (!parsed.success) return {};
  const id = "detail" in parsed.data ? parsed.data.detail.id : "ticket" in parsed.data ? parsed.data.ticket.id : parsed.data.ticket_id;
  const [{ ticket }, { ticket_metric }, comments] = await Promise.all([
    getJson<{ ticket: ZendeskTicket }>(context, `/api/v2/tickets/${id}.json`),
    getJson<{ ticket_metric: ZendeskMetricSet }>(context, `/api/v2/tickets/${id}/metrics.json`),
    getJson<{ comments: ZendeskComment[]; users?: ZendeskUser[] }>(context, `/api/v2/tickets/${id}/comments.json?include=users`),
  ]);
  const record = toTicketRecord(ticket, ticket_metric);
  if (!record) return {};
  const agentIds = new Set((comments.users ?? []).filter((u) => u.role !== "end-user").map((u) => u.id));
  return { tickets: [record], messages: comments.comments.map((c) => toMessageRecord(ticket.id, c, agentIds)) };
}

export const zendeskAdapter: ConnectorAdapter = {
  kind: "zendesk",
  label: VENDOR,
  secrets: ZSecrets,
  secretFields: [
    { name: "email", label: "Agent email (with an API token)" },
    { name: "token", label: "API token" },
    { name: "oauthToken", label: "OAuth access token (instead of email and token)" },
    { name: "webhookSecret", label: "Webhook signing secret (optional)" },
  ],
  fetchPage,
  webhook: { verify, toBatch },
};
