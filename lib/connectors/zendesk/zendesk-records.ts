import type { AgentRecord, MessageRecord, SurveyRecord, TeamRecord, TicketRecord } from "@/lib/ingest/record-schemas";

// Zendesk Support objects as the REST API returns them (only the fields Deskpulse reads), and their
// mapping to ingest records. External ids are prefixed ("zd-") so records from several sources
// never collide in one database. The mapping is documented in docs/connections.md.

export interface ZendeskUser {
  id: number;
  name: string;
  email?: string | null;
  role: "end-user" | "agent" | "admin";
  default_group_id?: number | null;
}
export interface ZendeskGroup {
  id: number;
  name: string;
  deleted?: boolean;
}
export interface ZendeskTicket {
  id: number;
  created_at: string;
  updated_at: string;
  subject?: string | null;
  status: string;
  priority?: string | null;
  via?: { channel?: string | null } | null;
  group_id?: number | null;
  assignee_id?: number | null;
}
export interface ZendeskMetricSet {
  ticket_id: number;
  reply_time_in_minutes?: { calendar?: number | null } | null;
  solved_at?: string | null;
  reopens?: number | null;
}
export interface ZendeskComment {
  id: number;
  author_id: number;
  public?: boolean;
  created_at: string;
}
export interface ZendeskSatisfactionRating {
  id: number;
  score: string;
  ticket_id?: number | null;
  assignee_id?: number | null;
  group_id?: number | null;
  created_at: string;
  updated_at?: string;
  comment?: string | null;
}

export const zendeskId = (kind: "ticket" | "user" | "group" | "comment" | "rating", id: number) => `zd-${kind}-${id}`;

const STATUSES: Record<string, TicketRecord["status"]> = {
  new: "new",
  open: "open",
  pending: "pending",
  // "On-hold" waits on a third party: still unresolved, not the customer's turn.
  hold: "pending",
  solved: "solved",
  closed: "closed",
};

const PRIORITIES: Record<string, NonNullable<TicketRecord["priority"]>> = { low: "low", normal: "normal", high: "high", urgent: "urgent" };

/** `via.channel` values from Zendesk's "Via object reference"; anything unlisted is a web form or API ticket. */
export function zendeskChannel(channel: string | null | undefined): TicketRecord["channel"] {
  const value = (channel ?? "").toLowerCase();
  if (value === "email") return "email";
  if (["chat", "chat_transcript", "native_messaging", "messaging", "sunshine_conversations_api"].includes(value)) return "chat";
  if (value === "voice" || value.startsWith("phone") || value === "sms") return "phone";
  if (["twitter", "facebook", "instagram_dm", "whatsapp", "line", "wechat", "any_channel"].includes(value)) return "social";
  return "web";
}

const iso = (value: string) => new Date(value).toISOString();

export function toTicketRecord(ticket: ZendeskTicket, metrics: ZendeskMetricSet | undefined): TicketRecord | null {
  const status = STATUSES[ticket.status];
  if (!status) return null; // "deleted" tickets (asked to be excluded) and any future status
  const createdAt = iso(ticket.created_at);
  const replyMinutes = metrics?.reply_time_in_minutes?.calendar;
  const resolved = status === "solved" || status === "closed";
  return {
    externalId: zendeskId("ticket", ticket.id),
    channel: zendeskChannel(ticket.via?.channel),
    ...(ticket.priority && PRIORITIES[ticket.priority] && { priority: PRIORITIES[ticket.priority] }),
    ...(ticket.subject && { subject: ticket.subject.slice(0, 1000) }),
    ...(ticket.group_id && { team: zendeskId("group", ticket.group_id) }),
    ...(ticket.assignee_id && { assignee: zendeskId("user", ticket.assignee_id) }),
    status,
    createdAt,
    ...(typeof replyMinutes === "number" && { firstResponseAt: new Date(Date.parse(createdAt) + replyMinutes * 60_000).toISOString() }),
    ...(resolved && metrics?.solved_at && { resolvedAt: iso(metrics.solved_at) }),
    ...(typeof metrics?.reopens === "number" && { reopens: metrics.reopens }),
  };
}

export function toAgentRecord(user: ZendeskUser): AgentRecord {
  return {
    externalId: zendeskId("user", user.id),
    name: user.name.trim() || `Zendesk user ${user.id}`,
    ...(user.email && { email: user.email }),
    ...(user.default_group_id && { team: zendeskId("group", user.default_group_id) }),
  };
}

export function toTeamRecord(group: ZendeskGroup): TeamRecord {
  return { externalId: zendeskId("group", group.id), name: group.name.trim() || `Zendesk group ${group.id}` };
}

/** A comment by an agent or admin is the agent's; anyone else (requester, CC, end user) is the customer. */
export function toMessageRecord(ticketId: number, comment: ZendeskComment, agentIds: ReadonlySet<number>): MessageRecord {
  const byAgent = agentIds.has(comment.author_id);
  return {
    externalId: zendeskId("comment", comment.id),
    ticket: zendeskId("ticket", ticketId),
    author: byAgent ? "agent" : "customer",
    ...(byAgent && { agent: zendeskId("user", comment.author_id) }),
    createdAt: iso(comment.created_at),
    public: comment.public ?? true,
  };
}

/** Zendesk's CSAT is binary: "good" is 5 and "bad" is 1 on Deskpulse's 1-5 scale; offered/unoffered are no answer. */
export function toSurveyRecord(rating: ZendeskSatisfactionRating): SurveyRecord | null {
  const score = rating.score === "good" ? 5 : rating.score === "bad" ? 1 : null;
  if (score === null) return null;
  return {
    externalId: zendeskId("rating", rating.id),
    kind: "csat",
    score,
    respondedAt: iso(rating.updated_at ?? rating.created_at),
    ...(rating.ticket_id && { ticket: zendeskId("ticket", rating.ticket_id) }),
    ...(rating.assignee_id && { agent: zendeskId("user", rating.assignee_id) }),
    ...(rating.group_id && { team: zendeskId("group", rating.group_id) }),
    ...(rating.comment && { comment: rating.comment.slice(0, 5000) }),
  };
}
