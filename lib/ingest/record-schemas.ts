import { z } from "zod";

// The ingest record kinds of SPEC section 2, shared by the ingest API and the CSV importer (which
// runs them in the browser), so a record is valid or invalid in exactly the same way everywhere.
// Every object is strict: an unknown field is an error, never silently dropped.

export const MAX_BATCH_RECORDS = 5_000;

// Postgres text cannot hold NUL (0x00) characters; reject them here rather than fail in the database.
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters");

const externalId = text(200).trim().min(1, "must not be empty");
/**
 * ISO 8601 with an explicit offset (`Z` or `±hh:mm`); local times without an offset are ambiguous.
 * Normalised to the UTC millisecond the database stores (timestamptz(3)), so that two records
 * differing only below a millisecond are the same record in the batch as in the database.
 */
const timestamp = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 timestamp with an offset" })
  .transform((value) => new Date(value).toISOString());
const seconds = z.number().int("must be a whole number").min(0, "must not be negative").max(31_536_000, "is more than a year");

export const CHANNELS = ["email", "chat", "phone", "social", "web"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const TICKET_STATUSES = ["new", "open", "pending", "solved", "closed"] as const;
export const SURVEY_KINDS = ["csat", "nps", "ces", "enps"] as const;
export const PRESENCES = ["available", "busy", "away", "offline"] as const;

export const SURVEY_SCALES: Record<(typeof SURVEY_KINDS)[number], readonly [number, number]> = {
  csat: [1, 5],
  nps: [0, 10],
  ces: [1, 5],
  enps: [0, 10],
};

export const ZTeamRecord = z.strictObject({ externalId, name: text(200).trim().min(1, "must not be empty") });

export const ZAgentRecord = z.strictObject({
  externalId,
  name: text(200).trim().min(1, "must not be empty"),
  email: z.email("must be an email address").max(320).optional(),
  team: externalId.optional(),
});

export const ZTicketRecord = z.strictObject({
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
});

export const ZMessageRecord = z.strictObject({
  externalId,
  ticket: externalId,
  author: z.enum(["agent", "customer"]),
  agent: externalId.optional(),
  createdAt: timestamp,
  public: z.boolean().optional(),
});

export const ZCallRecord = z.strictObject({
  externalId,
  queue: externalId.optional(),
  agent: externalId.optional(),
  team: externalId.optional(),
  direction: z.enum(["inbound", "outbound"]).optional(),
  queuedAt: timestamp.optional(),
  answeredAt: timestamp.optional(),
  // Optional although SPEC lists it plainly: a call still waiting or in progress has not ended,
  // and the live KPIs (calls_waiting, longest_wait) are computed from exactly those calls.
  endedAt: timestamp.optional(),
  talkSeconds: seconds.optional(),
  holdSeconds: seconds.optional(),
  wrapUpSeconds: seconds.optional(),
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
    if (!(key in RECORD_SCHEMAS)) {
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
