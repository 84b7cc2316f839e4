import { z } from "zod";

import type { ConnectorAdapter, ConnectorContext, SyncPage, WebhookDelivery, WebhookVerdict } from "@/lib/connectors/connector";
import { readVendorResponse } from "@/lib/connectors/read-vendor-response";
import { secretsMatch } from "@/lib/connectors/secrets-match";
import { VendorPermanentError, VendorRateLimitedError } from "@/lib/connectors/vendor-errors";
import type { AgentRecord, AgentStatusRecord, CallRecord, IngestBatch, TeamRecord } from "@/lib/ingest/record-schemas";

// Aircall Public API v1 (docs/connectors-vendors.md#aircall). One sync run reads the roster (teams,
// users with their availability) in one page, then calls by creation time, 50 a page.

const VENDOR = "Aircall";
/** The most Aircall returns per page. */
export const AIRCALL_PER_PAGE = 50;
/** A list query reaches at most 10,000 records (200 pages of 50); the window moves by `from` instead. */
export const AIRCALL_MAX_PAGE = 200;
/**
 * A call not done after this long is taken as stale (a lost hang-up), so it stops holding the next
 * run's window open.
 */
const STALE_CALL_SECONDS = 12 * 3600;

/**
 * Missed inbound calls that never reached the agents: closed line, caller hung up in the IVR or
 * within seconds. They carry no `queuedAt`, which keeps them out of abandonment (SPEC: not offered).
 */
export const NOT_OFFERED_REASONS = new Set(["out_of_opening_hours", "abandoned_in_ivr", "short_abandoned"]);

interface AircallRef {
  id: number;
  name?: string | null;
}

export interface AircallCall {
  id: number;
  direction: "inbound" | "outbound";
  status: "initial" | "answered" | "done";
  missed_call_reason?: string | null;
  started_at: number;
  answered_at?: number | null;
  ended_at?: number | null;
  user?: AircallRef | null;
  number?: AircallRef | null;
  teams?: AircallRef[] | null;
}

export interface AircallUser {
  id: number;
  name: string;
  email?: string | null;
  available?: boolean;
  availability_status?: string;
}

interface AircallTeam {
  id: number;
  name: string;
  users?: { id: number }[];
}

interface AircallList {
  meta: { next_page_link: string | null };
}

const ZCursor = z.discriminatedUnion("phase", [
  z.object({ phase: z.literal("roster"), from: z.number().int() }),
  z.object({ phase: z.literal("calls"), from: z.number().int(), page: z.number().int().min(1), openFrom: z.number().int().nullable() }),
]);
type Cursor = z.infer<typeof ZCursor>;

const unixSeconds = (instant: Date) => Math.floor(instant.getTime() / 1000);
const fromUnix = (seconds: number) => new Date(seconds * 1000).toISOString();

function basicAuth(secrets: Record<string, string>): string {
  return `Basic ${Buffer.from(`${secrets.apiId}:${secrets.apiToken}`).toString("base64")}`;
}

/**
 * Aircall's 429 says when the window resets (`X-AircallApi-Reset`, epoch seconds) rather than
 * `Retry-After`; a `Retry-After`, when present, wins (readVendorResponse reads it).
 */
function throwIfRateLimited(response: Response, now: Date) {
  if (response.status !== 429 || response.headers.has("retry-after")) return;
  const reset = Number(response.headers.get("x-aircallapi-reset"));
  if (Number.isFinite(reset) && reset > 0) throw new VendorRateLimitedError(Math.max(1, reset - unixSeconds(now)));
}

async function getJson<T>(context: ConnectorContext, path: string, query: Record<string, string | number> = {}): Promise<{ body: T; date: Date }> {
  const url = new URL(`${context.baseUrl}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  const response = await context.fetch(url, {
    headers: { Authorization: basicAuth(context.secrets), Accept: "application/json" },
    signal: context.signal,
  });
  const now = new Date();
  throwIfRateLimited(response, now);
  const body = await readVendorResponse<T>(response, VENDOR, now);
  const date = new Date(response.headers.get("date") ?? "");
  return { body, date: Number.isNaN(date.getTime()) ? now : date };
}

async function getAllPages<K extends string, T>(context: ConnectorContext, path: string, key: K) {
  const items: T[] = [];
  let date = new Date();
  for (let page = 1; ; page++) {
    const answer = await getJson<AircallList & Record<K, T[]>>(context, path, { per_page: AIRCALL_PER_PAGE, page });
    items.push(...answer.body[key]);
    date = answer.date;
    if (!answer.body.meta.next_page_link) return { items, date };
  }
}

const id = (ref: AircallRef | null | undefined) => (ref ? String(ref.id) : undefined);

export function toCallRecord(call: AircallCall): CallRecord {
  const offered = !(call.direction === "inbound" && !call.answered_at && call.missed_call_reason && NOT_OFFERED_REASONS.has(call.missed_call_reason));
  const talkSeconds = call.answered_at && call.ended_at ? Math.max(0, call.ended_at - call.answered_at) : undefined;
  return {
    externalId: String(call.id),
    direction: call.direction,
    ...(id(call.number) && { queue: id(call.number) }),
    ...(id(call.user) && { agent: id(call.user) }),
    ...(call.teams?.[0] && { team: String(call.teams[0].id) }),
    ...(offered && { queuedAt: fromUnix(call.started_at) }),
    ...(call.answered_at && { answeredAt: fromUnix(call.answered_at) }),
    ...(call.ended_at && { endedAt: fromUnix(call.ended_at) }),
    ...(talkSeconds !== undefined && { talkSeconds }),
  };
}

/** The list gives only whether a user takes calls now; in-call and wrap-up come from webhooks. */
export function toPresence(user: Pick<AircallUser, "available">): AgentStatusRecord["status"] {
  return user.available ? "available" : "away";
}

async function fetchRoster(context: ConnectorContext, cursor: Extract<Cursor, { phase: "roster" }>): Promise<SyncPage> {
  const teams = await getAllPages<"teams", AircallTeam>(context, "/v1/teams", "teams");
  const users = await getAllPages<"users", AircallUser>(context, "/v1/users", "users");
  // A user may be in several teams; the agent record holds one, the first by team id.
  const teamOf = new Map<number, string>();
  for (const team of [...teams.items].sort((a, b) => a.id - b.id)) {
    for (const member of team.users ?? []) if (!teamOf.has(member.id)) teamOf.set(member.id, String(team.id));
  }
  // Stamped with the vendor's clock (the response's Date): the instant Aircall reported it.
  const at = users.date.toISOString();
  const batch: IngestBatch = {
    teams: teams.items.map((team): TeamRecord => ({ externalId: String(team.id), name: team.name })),
    agents: users.items.map((user): AgentRecord => ({
      externalId: String(user.id),
      name: user.name || String(user.id),
      ...(user.email && { email: user.email }),
      ...(teamOf.has(user.id) && { team: teamOf.get(user.id) }),
    })),
    agentStatus: users.items.map((user): AgentStatusRecord => ({ agent: String(user.id), status: toPresence(user), at })),
  };
  const next: Cursor = { phase: "calls", from: cursor.from, page: 1, openFrom: null };
  return { batch, cursor: JSON.stringify(next), done: false };
}

/** Like the Freshdesk ticket window: restart one second before the last call, or turn the page when stuck. */
export function nextCallWindow(from: number, page: number, calls: AircallCall[]): { from: number; page: number } {
  const last = calls.at(-1);
  if (!last) return { from, page };
  const restart = last.started_at - 1;
  if (restart > from) return { from: restart, page: 1 };
  if (page >= AIRCALL_MAX_PAGE) {
    throw new VendorPermanentError(`${VENDOR} has more than ${AIRCALL_MAX_PAGE * AIRCALL_PER_PAGE} calls created within two seconds of ${fromUnix(from)}; the call list cannot be read past them`);
  }
  return { from, page: page + 1 };
}

async function fetchCalls(context: ConnectorContext, cursor: Extract<Cursor, { phase: "calls" }>): Promise<SyncPage> {
  const { body, date } = await getJson<AircallList & { calls: AircallCall[] }>(context, "/v1/calls", {
    from: cursor.from, order: "asc", per_page: AIRCALL_PER_PAGE, page: cursor.page,
  });
  const calls = body.calls;
  // Calls still ringing or in progress are read again next run, from the earliest of them.
  const openFrom = calls
    .filter((call) => call.status !== "done" && unixSeconds(date) - call.started_at < STALE_CALL_SECONDS)
    .reduce<number | null>((min, call) => (min === null || call.started_at - 1 < min ? call.started_at - 1 : min), cursor.openFrom);
  const window = nextCallWindow(cursor.from, cursor.page, calls);
  const batch: IngestBatch = { calls: calls.map(toCallRecord) };
  const last = calls.at(-1);
  const reachedAt = last ? new Date(last.started_at * 1000) : undefined;
  if (body.meta.next_page_link) {
    const next: Cursor = { phase: "calls", from: window.from, page: window.page, openFrom };
    return { batch, cursor: JSON.stringify(next), done: false, reachedAt };
  }
  const next: Cursor = { phase: "roster", from: openFrom === null ? window.from : Math.min(openFrom, window.from) };
  return { batch, cursor: JSON.stringify(next), done: true, reachedAt };
}

const ZWebhookEnvelope = z.object({
  resource: z.string(),
  event: z.string(),
  timestamp: z.number().int().positive(),
  token: z.string(),
  data: z.object({ id: z.union([z.number(), z.string()]) }).loose(),
});

function verifyWebhook(delivery: WebhookDelivery, secrets: Record<string, string>): WebhookVerdict {
  if (!secrets.webhookToken) return { ok: false, reason: "the connection has no webhook token" };
  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const envelope = ZWebhookEnvelope.safeParse(body);
  if (!envelope.success) return { ok: false, reason: "the body is not an Aircall event (resource, event, timestamp, token, data)" };
  if (!secretsMatch(envelope.data.token, secrets.webhookToken)) return { ok: false, reason: "the token does not match the webhook's token" };
  const { event, data, timestamp } = envelope.data;
  return { ok: true, deliveryId: `aircall:${event}:${data.id}:${timestamp}`, signedAt: new Date(timestamp * 1000) };
}

/** User events that say what the agent is doing; other user.* events (created, deleted) carry no presence. */
const USER_EVENT_PRESENCE: Record<string, (user: AircallUser) => AgentStatusRecord["status"]> = {
  "user.opened": () => "available",
  "user.closed": () => "away",
  "user.connected": toPresence,
  "user.disconnected": () => "offline",
  "user.wut_start": () => "busy",
  "user.wut_end": toPresence,
};

async function webhookToBatch(context: ConnectorContext, payload: unknown): Promise<IngestBatch> {
  const envelope = ZWebhookEnvelope.safeParse(payload);
  if (!envelope.success) return {};
  const { event, timestamp } = envelope.data;
  if (event.startsWith("call.")) {
    const call = envelope.data.data as unknown as AircallCall;
    if (call.status === "done" && typeof call.started_at === "number") return { calls: [toCallRecord(call)] };
    // Events arrive out of order; a record is the call's whole state, so an earlier-stage event
    // read after call.ended would clear its end. The call as Aircall has it now is always right.
    const current = await getJson<{ call: AircallCall }>(context, `/v1/calls/${call.id}`);
    return { calls: [toCallRecord(current.body.call)] };
  }
  const presence = USER_EVENT_PRESENCE[event];
  if (event.startsWith("user.") && presence) {
    const user = envelope.data.data as unknown as AircallUser;
    return {
      agents: [{ externalId: String(user.id), name: user.name || String(user.id), ...(user.email && { email: user.email }) }],
      agentStatus: [{ agent: String(user.id), status: presence(user), at: fromUnix(timestamp) }],
    };
  }
  return {};
}

export const aircallAdapter: ConnectorAdapter = {
  kind: "aircall",
  label: "Aircall",
  secrets: z.object({
    apiId: z.string().trim().min(1, "the API ID is required (Dashboard → Integrations & API → API keys)"),
    apiToken: z.string().trim().min(1, "the API token is required (shown once when the API key is created)"),
    webhookToken: z.string().min(1, "the webhook token must not be empty").optional(),
  }) as z.ZodType<Record<string, string>>,
  secretFields: [
    { name: "apiId", label: "API ID" },
    { name: "apiToken", label: "API token" },
    { name: "webhookToken", label: "Webhook token (optional)" },
  ],
  async fetchPage(context, cursor) {
    const state: Cursor = cursor === null ? { phase: "roster", from: unixSeconds(context.since) } : ZCursor.parse(JSON.parse(cursor));
    return state.phase === "roster" ? fetchRoster(context, state) : fetchCalls(context, state);
  },
  webhook: { verify: verifyWebhook, toBatch: webhookToBatch },
};
