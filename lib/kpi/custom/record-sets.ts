// What a custom KPI's formula may aggregate: the record sets, what puts a record of each in the
// window (its basis, as the catalog's KpiBasis words it), and the fields a formula may filter on
// or measure. Data only, no SQL: the checker, the compiler and the settings form read the same
// table (docs/custom-kpis.md, "Record sets and their fields").

import { CALL_DIRECTIONS, CHANNELS, PRESENCES, PRIORITIES, SURVEY_KINDS, TICKET_STATUSES } from "@/lib/ingest/record-schemas";

import type { KpiBasis, RecordsList } from "../catalog";
import type { FieldType } from "./formula-tree";

export interface FieldDefinition {
  type: FieldType;
  plain: string;
}

/**
 * What puts a record of a set in the window: a catalog basis, or, for agents' status time, the part
 * of each status interval that lies inside the window (no built-in KPI counts on it yet).
 */
export type SetBasis = KpiBasis | "status_time";

export interface RecordSetDefinition {
  plain: string;
  /** The bases a formula may write after `by`, each with the catalog basis it counts on; the first is the default. */
  bases: Readonly<Record<string, SetBasis>>;
  /** Whether the formula must say which basis (tickets: created, solved or first answered are different tickets). */
  basisRequired?: true;
  /** A state now, not records of a window. */
  live?: true;
  /** The records list (`/records/<list>`) that shows the set's records, as a KPI family names its own. */
  records?: RecordsList;
  fields: Readonly<Record<string, FieldDefinition>>;
}

const SLA_OUTCOMES = ["met", "missed", "none"] as const;

const team: FieldDefinition = { type: { type: "dimension" }, plain: "The team (externalId)." };
const agent: FieldDefinition = { type: { type: "dimension" }, plain: "The agent (externalId)." };
const queue: FieldDefinition = { type: { type: "dimension" }, plain: "The call queue (externalId)." };
const channel: FieldDefinition = { type: { type: "enum", values: CHANNELS }, plain: "The channel." };
const priority: FieldDefinition = { type: { type: "enum", values: PRIORITIES }, plain: "The ticket's priority." };

const TICKET_FIELDS = {
  team, agent, channel, priority,
  status: { type: { type: "enum", values: TICKET_STATUSES }, plain: "The ticket's status now." },
  reopens: { type: { type: "integer", unit: "count" }, plain: "How many times the ticket was reopened." },
  touches: { type: { type: "integer", unit: "count" }, plain: "Public agent messages on the ticket." },
  resolved: { type: { type: "flag" }, plain: "Resolved by now." },
  first_response: { type: { type: "duration", businessHours: true }, plain: "firstResponseAt − createdAt." },
  resolution: { type: { type: "duration", businessHours: true }, plain: "resolvedAt − createdAt." },
  first_response_sla: { type: { type: "enum", values: SLA_OUTCOMES }, plain: "Whether the first response met its priority's SLA target (none: no target)." },
  resolution_sla: { type: { type: "enum", values: SLA_OUTCOMES }, plain: "Whether the resolution met its priority's SLA target (none: no target)." },
} as const satisfies Record<string, FieldDefinition>;

export const RECORD_SETS = {
  tickets: {
    plain: "Tickets, by the moment that puts them in the window.",
    bases: { created: "created", solved: "resolved", first_answered: "first_response" },
    basisRequired: true,
    records: "tickets",
    fields: TICKET_FIELDS,
  },
  open_tickets: {
    plain: "Tickets open at the window's end.",
    bases: { open: "open" },
    records: "tickets",
    fields: { team, agent, channel, priority, status: TICKET_FIELDS.status, reopens: TICKET_FIELDS.reopens },
  },
  agent_messages: {
    plain: "Public agent messages, by when they were sent.",
    bases: { replied: "replied" },
    fields: { team, agent, channel, priority },
  },
  replies: {
    plain: "Replies that answered a waiting customer, with how long the customer waited.",
    bases: { replied: "replied" },
    fields: { team, agent, channel, priority, wait: { type: { type: "duration", businessHours: true }, plain: "Since the earliest unanswered customer message." } },
  },
  calls: {
    plain: "Calls, by when they ended.",
    bases: { ended: "ended" },
    records: "calls",
    fields: {
      team, agent, queue,
      direction: { type: { type: "enum", values: CALL_DIRECTIONS }, plain: "Inbound or outbound." },
      answered: { type: { type: "flag" }, plain: "An agent answered it." },
      offered: { type: { type: "flag" }, plain: "Inbound, and answered or queued." },
      abandoned: { type: { type: "flag" }, plain: "Inbound, queued and never answered." },
      within_service_level: { type: { type: "flag" }, plain: "Answered within the service-level threshold (a setting)." },
      handle: { type: { type: "duration" }, plain: "Talk + hold + wrap-up." },
      answer_wait: { type: { type: "duration" }, plain: "answeredAt − queuedAt (0 when not queued)." },
      talk: { type: { type: "duration" }, plain: "Talk time." },
      hold: { type: { type: "duration" }, plain: "Hold time." },
      wrap_up: { type: { type: "duration" }, plain: "Wrap-up time." },
    },
  },
  surveys: {
    plain: "Survey responses, by when they were given.",
    bases: { responded: "responded" },
    fields: {
      team, agent, channel,
      kind: { type: { type: "enum", values: SURVEY_KINDS }, plain: "csat, nps, ces or enps." },
      score: { type: { type: "integer", unit: "score" }, plain: "The response's score on its kind's scale." },
    },
  },
  kb_views: {
    plain: "Knowledge-base article views.",
    bases: { viewed: "viewed" },
    fields: {
      article: { type: { type: "text" }, plain: "The article." },
      visitor: { type: { type: "text" }, plain: "The visitor." },
    },
  },
  agent_status: {
    plain: "Agents' time in each status during the window.",
    bases: { time: "status_time" },
    fields: {
      team, agent,
      status: { type: { type: "enum", values: PRESENCES }, plain: "available, busy, away or offline." },
      duration: { type: { type: "duration" }, plain: "Time spent in the status inside the window." },
    },
  },
  waiting_calls: {
    plain: "Calls waiting in a queue now.",
    bases: { now: "live" },
    live: true,
    fields: { queue, wait: { type: { type: "duration" }, plain: "Now − queuedAt." } },
  },
  agents_now: {
    plain: "Agents, by their latest status.",
    bases: { now: "live" },
    live: true,
    fields: { team, status: { type: { type: "enum", values: PRESENCES }, plain: "Their latest status." } },
  },
} as const satisfies Record<string, RecordSetDefinition>;

export type RecordSetName = keyof typeof RECORD_SETS;

export function isRecordSetName(name: string): name is RecordSetName {
  return Object.hasOwn(RECORD_SETS, name);
}
