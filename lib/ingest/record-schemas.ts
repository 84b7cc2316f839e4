import { z } from "zod";

// The ingest record kinds of SPEC section 2, shared by the ingest API and the CSV importer (which
// runs them in the browser), so a record is valid or invalid in exactly the same way everywhere.
// Every object is strict: an unknown field is an error, never silently dropped.

export const MAX_BATCH_RECORDS = 5_000;

/** SPEC section 2: instants are stored as UTC between 1970 and 2100 (year 0 would fail in the database). */
const EARLIEST_INSTANT = "1970-01-01T00:00:00.000Z";
const LATEST_INSTANT = "2100-12-31T23:59:59.999Z";

/**
 * Systems stamp related events with different clocks: phone systems stamp the answer and the queue
 * exit 1-2 s apart in either order. A later event stamped up to this much before the earlier one
 * is accepted and stored at the earlier instant (a zero, never a negative, duration).
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000;

// Postgres text cannot hold NUL (0x00) characters; reject them here rather than fail in the database.
// A lone surrogate cannot be stored as UTF-8 either: the driver would replace it with U+FFFD, and
// two distinct ids would collapse into one. With the `u` flag a well-formed pair is one code point,
// so \p{Surrogate} matches only halves standing alone.
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
    .refine((value) => !/\p{Surrogate}/u.test(value), "must be valid Unicode (it contains a lone surrogate)");

const externalId = text(200).trim().min(1, "must not be empty");
/**
 * ISO 8601 with an explicit offset (`Z` or `±hh:mm`); local times without an offset are ambiguous.
 * Normalised to the UTC millisecond the database stores (timestamptz(3)), so that two records
 * differing only below a millisecond are the same record in the batch as in the database.
 */
const timestamp = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 timestamp with an offset" })
  .transform((value) => new Date(value).toISOString())
  .refine((iso) => iso >= EARLIEST_INSTANT && iso <= LATEST_INSTANT, "must be between 1970 and 2100 (UTC)");
const seconds = z.number().int("must be a whole number").min(0, "must not be negative").max(31_536_000, "is more than a year");

export const CHANNELS = ["email", "chat", "phone", "social", "web"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const TICKET_STATUSES = ["new", "open", "pending", "solved", "closed"] as const;
export const SURVEY_KINDS = ["csat", "nps", "ces", "enps"] as const;
export const PRESENCES = ["available", "busy", "away", "offline"] as const;
export const CALL_DIRECTIONS = ["inbound", "outbound"] as const;

/** How each value of the enums above reads on screen: records tables, filters, ticket pages. */
export const ENUM_LABELS = {
  channel: { email: "Email", chat: "Chat", phone: "Phone", social: "Social", web: "Web" },
  priority: { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" },
  ticketStatus: { new: "New", open: "Open", pending: "Pending", solved: "Solved", closed: "Closed" },
  surveyKind: { csat: "CSAT", nps: "NPS", ces: "CES", enps: "eNPS" },
  presence: { available: "Available", busy: "Busy", away: "Away", offline: "Offline" },
  callDirection: { inbound: "Inbound", outbound: "Outbound" },
} as const satisfies {
  channel: Record<(typeof CHANNELS)[number], string>;
  priority: Record<(typeof PRIORITIES)[number], string>;
  ticketStatus: Record<(typeof TICKET_STATUSES)[number], string>;
  surveyKind: Record<(typeof SURVEY_KINDS)[number], string>;
  presence: Record<(typeof PRESENCES)[number], string>;
  callDirection: Record<(typeof CALL_DIRECTIONS)[number], string>;
};

/** An enum value as a word; a value the map does not know (older data) is shown as stored. */
export function enumLabel(kind: keyof typeof ENUM_LABELS, value: string): string {
  return (ENUM_LABELS[kind] as Record<string, string>)[value] ?? value;
}

export const SURVEY_SCALES: Record<(typeof SURVEY_KINDS)[number], readonly [number, number]> = {
  csat: [1, 5],
  nps: [0, 10],
  ces: [1, 5],
  enps: [0, 10],
};

/** The later of normalised UTC instants (ISO strings of one length compare as instants). */
export function latest(first: string, ...others: (string | undefined)[]): string {
  return others.reduce<string>((max, other) => (other !== undefined && other > max ? other : max), first);
}

/** Whether `later` is before `earlier` by more than the clock-skew tolerance. */
export function isImpossiblyBefore(later: string, earlier: string): boolean {
  return Date.parse(later) < Date.parse(earlier) - CLOCK_SKEW_TOLERANCE_MS;
}

/**
 * An issue on `later` when the record has both instants and `later` is impossibly before `earlier`.
 * A field that is not a valid timestamp has its own issue already; zod still runs this refinement
 * with its raw value, which must not be compared (a time without an offset is no instant).
 */
function requireNotBefore<R extends Record<string, unknown>>(ctx: z.RefinementCtx, record: R, later: keyof R & string, earlier: keyof R & string) {
  const [a, b] = [timestamp.safeParse(record[later]), timestamp.safeParse(record[earlier])];
  if (!a.success || !b.success) return;
  if (isImpossiblyBefore(a.data, b.data)) {
    ctx.addIssue({
      code: "custom",
      path: [later],
      message: `must not be before ${earlier} (it is ${formatGap(Date.parse(b.data) - Date.parse(a.data))} earlier; up to ${CLOCK_SKEW_TOLERANCE_MS / 1000} s of clock skew is accepted)`,
    });
  }
}

export function formatGap(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min`;
  return seconds < 172_800 ? `${Math.round(seconds / 3_600)} h` : `${Math.round(seconds / 86_400)} days`;
}

export const ZTeamRecord = z.strictObject({ externalId, name: text(200).trim().min(1, "must not be empty") });

export const ZAgentRecord = z.strictObject({
  externalId,
  name: text(200).trim().min(1, "must not be empty"),
  email: z.email("must be an email address").max(320).optional(),
  team: externalId.optional(),
});

export const ZTicketRecord = z
  .strictObject({
    externalId,
    channel: z.enum(CHANNELS),
    priority: z.enum(PRIORITIES).optional(),
    subject: text(1000).optional(),
    team: externalId.optional(),
    assignee: externalId.optional(),
    status: z.enum(TICKET_STATUSES),
    createdAt: timestamp,
    firstResponseAt: timestamp.optional(),
    resolvedAt: timestamp.optional(),
    reopens: z.number().int("must be a whole number").min(0, "must not be negative").max(10_000).optional(),
  })
  .superRefine((ticket, ctx) => {
    requireNotBefore(ctx, ticket, "firstResponseAt", "createdAt");
    requireNotBefore(ctx, ticket, "resolvedAt", "createdAt");
  })
  .overwrite((ticket) => ({
    ...ticket,
    ...(ticket.firstResponseAt && { firstResponseAt: latest(ticket.firstResponseAt, ticket.createdAt) }),
    ...(ticket.resolvedAt && { resolvedAt: latest(ticket.resolvedAt, ticket.createdAt) }),
  }));

export const ZMessageRecord = z.strictObject({
  externalId,
  ticket: externalId,
  author: z.enum(["agent", "customer"]),
  agent: externalId.optional(),
  createdAt: timestamp,
  public: z.boolean().optional(),
});

export const ZCallRecord = z
  .strictObject({
    externalId,
    queue: externalId.optional(),
    agent: externalId.optional(),
    team: externalId.optional(),
    direction: z.enum(CALL_DIRECTIONS).optional(),
    queuedAt: timestamp.optional(),
    answeredAt: timestamp.optional(),
    // Optional although SPEC lists it plainly: a call still waiting or in progress has not ended,
    // and the live KPIs (calls_waiting, longest_wait) are computed from exactly those calls.
    endedAt: timestamp.optional(),
    talkSeconds: seconds.optional(),
    holdSeconds: seconds.optional(),
    wrapUpSeconds: seconds.optional(),
  })
  .superRefine((call, ctx) => {
    requireNotBefore(ctx, call, "answeredAt", "queuedAt");
    requireNotBefore(ctx, call, "endedAt", "answeredAt");
    requireNotBefore(ctx, call, "endedAt", "queuedAt");
  })
  .overwrite((call) => {
    // In event order: the answer is clamped to the queue entry, the end to both (the answer clamped).
    const answeredAt = call.answeredAt && latest(call.answeredAt, call.queuedAt);
    const endedAt = call.endedAt && latest(call.endedAt, answeredAt, call.queuedAt);
    return { ...call, ...(answeredAt && { answeredAt }), ...(endedAt && { endedAt }) };
  });

export const ZSurveyRecord = z
  .strictObject({
    externalId,
    kind: z.enum(SURVEY_KINDS),
    score: z.number().int("must be a whole number"),
    respondedAt: timestamp,
    ticket: externalId.optional(),
    agent: externalId.optional(),
    team: externalId.optional(),
    comment: text(5000).optional(),
  })
  .superRefine((survey, ctx) => {
    const [min, max] = SURVEY_SCALES[survey.kind];
    if (survey.score < min || survey.score > max) {
      ctx.addIssue({ code: "custom", path: ["score"], message: `must be between ${min} and ${max} for ${survey.kind}` });
    }
  });

export const ZKbViewRecord = z.strictObject({ article: externalId, visitor: externalId, viewedAt: timestamp });

export const ZAgentStatusRecord = z.strictObject({ agent: externalId, status: z.enum(PRESENCES), at: timestamp });

/** Each record kind of the batch, in the order they are stored (references point backwards). */
export const RECORD_SCHEMAS = {
  teams: ZTeamRecord,
  agents: ZAgentRecord,
  tickets: ZTicketRecord,
  messages: ZMessageRecord,
  calls: ZCallRecord,
  surveys: ZSurveyRecord,
  kbViews: ZKbViewRecord,
  agentStatus: ZAgentStatusRecord,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = [
  "teams", "agents", "tickets", "messages", "calls", "surveys", "kbViews", "agentStatus",
] as const satisfies readonly RecordKind[];

export type TeamRecord = z.infer<typeof ZTeamRecord>;
export type AgentRecord = z.infer<typeof ZAgentRecord>;
export type TicketRecord = z.infer<typeof ZTicketRecord>;
export type MessageRecord = z.infer<typeof ZMessageRecord>;
export type CallRecord = z.infer<typeof ZCallRecord>;
export type SurveyRecord = z.infer<typeof ZSurveyRecord>;
export type KbViewRecord = z.infer<typeof ZKbViewRecord>;
export type AgentStatusRecord = z.infer<typeof ZAgentStatusRecord>;

export interface IngestBatch {
  teams?: TeamRecord[];
  agents?: AgentRecord[];
  tickets?: TicketRecord[];
  messages?: MessageRecord[];
  calls?: CallRecord[];
  surveys?: SurveyRecord[];
  kbViews?: KbViewRecord[];
  agentStatus?: AgentStatusRecord[];
}

/** One bad record: which list, which position in it, which field, and what is wrong. */
export interface RecordError {
  kind: RecordKind | "batch";
  index: number | null;
  field: string | null;
  message: string;
}

/** The number of records in a body, counted before validating any of them (for the 413 limit). */
export function countRecords(body: unknown): number {
  if (!body || typeof body !== "object" || Array.isArray(body)) return 0;
  return Object.values(body).reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
}

/** Validates a whole batch; returns every error (not only the first) or the typed batch. */
export function parseIngestBatch(body: unknown): { ok: true; batch: IngestBatch } | { ok: false; errors: RecordError[] } {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, errors: [{ kind: "batch", index: null, field: null, message: "the body must be a JSON object of record lists" }] };
  }
  const errors: RecordError[] = [];
  const batch: Record<string, unknown[]> = {};
  for (const [key, list] of Object.entries(body)) {
    // Own keys only: `in` would take "__proto__" or "constructor" for a record kind.
    if (!Object.hasOwn(RECORD_SCHEMAS, key)) {
      errors.push({ kind: "batch", index: null, field: key, message: `unknown record kind; expected one of ${RECORD_KINDS.join(", ")}` });
      continue;
    }
    const kind = key as RecordKind;
    if (!Array.isArray(list)) {
      errors.push({ kind, index: null, field: null, message: "must be an array of records" });
      continue;
    }
    batch[kind] = list.map((record, index) => {
      const result = RECORD_SCHEMAS[kind].safeParse(record, { reportInput: true });
      if (result.success) return result.data;
      for (const issue of result.error.issues) errors.push(toRecordError(kind, index, issue));
      return null;
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, batch: batch as IngestBatch };
}

function toRecordError(kind: RecordKind, index: number, issue: z.core.$ZodIssue): RecordError {
  return { kind, index, ...describeIssue(issue) };
}

/** The field an issue is about and a message for people (parsed with `reportInput: true`). */
export function describeIssue(issue: z.core.$ZodIssue): { field: string | null; message: string } {
  if (issue.code === "unrecognized_keys") {
    return { field: issue.keys.join(", "), message: `unknown field${issue.keys.length > 1 ? "s" : ""}` };
  }
  const field = issue.path.length ? issue.path.join(".") : null;
  const message =
    "input" in issue && issue.input === undefined && issue.path.length === 1
      ? "is required"
      : issue.code === "invalid_value" && "values" in issue
        ? `must be one of ${issue.values.join(", ")}`
        : issue.message;
  return { field, message };
}
