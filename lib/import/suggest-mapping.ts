import { CSV_FIELDS } from "@/lib/ingest/csv/csv-row-to-record";
import { CHANNELS, PRIORITIES, TICKET_STATUSES, type RecordKind } from "@/lib/ingest/record-schemas";

import type { FieldSource, ImportMapping } from "./import-mapping";

// A first mapping for a file nobody has mapped yet, from its header names and a few sample rows.
// It only proposes; the user confirms or changes each field before anything is read with it.

/** Header words people use for each Deskpulse field, compared without case, spaces or punctuation. */
const SYNONYMS: Record<string, string[]> = {
  externalId: ["id", "ticketid", "ticketnumber", "callid", "number", "key", "reference"],
  name: ["name", "fullname", "displayname"],
  email: ["email", "emailaddress", "mail"],
  channel: ["channel", "via", "source", "medium"],
  priority: ["priority", "urgency"],
  subject: ["subject", "title", "summary"],
  team: ["team", "group", "department", "queue"],
  assignee: ["assignee", "agent", "owner", "assignedto", "responder"],
  agent: ["agent", "assignee", "server", "owner", "user"],
  author: ["author", "from", "sender"],
  status: ["status", "state"],
  createdAt: ["createdat", "created", "createdtime", "createddate", "opened", "submitted", "requested", "date"],
  firstResponseAt: ["firstresponseat", "firstreplyat", "initialresponsetime", "firstresponsetime", "firstreplied"],
  resolvedAt: ["resolvedat", "solvedat", "resolvedtime", "resolved", "solved", "closedat", "closedtime"],
  reopens: ["reopens", "reopencount", "reopened"],
  ticket: ["ticket", "ticketid", "requestid"],
  queuedAt: ["queuedat", "queuestart", "qstart", "enqueued"],
  answeredAt: ["answeredat", "answered", "serstart", "pickedup"],
  endedAt: ["endedat", "ended", "hangup", "serexit", "end"],
  talkSeconds: ["talkseconds", "talktime", "sertime", "duration", "talkduration"],
  holdSeconds: ["holdseconds", "holdtime"],
  wrapUpSeconds: ["wrapupseconds", "wrapup", "acw", "aftercallwork"],
  direction: ["direction", "calltype"],
  kind: ["kind", "surveytype", "survey"],
  score: ["score", "rating", "satisfaction", "csat"],
  respondedAt: ["respondedat", "responded", "submittedat", "answeredat"],
  comment: ["comment", "feedback", "remarks"],
  article: ["article", "articleid", "page"],
  visitor: ["visitor", "visitorid", "session", "user"],
  viewedAt: ["viewedat", "viewed", "timestamp"],
  at: ["at", "timestamp", "time", "changedat"],
};

const TIME_FIELDS = new Set(["createdAt", "firstResponseAt", "resolvedAt", "queuedAt", "answeredAt", "endedAt", "respondedAt", "viewedAt", "at"]);
const DURATION_FIELDS = new Set(["talkSeconds", "holdSeconds", "wrapUpSeconds"]);
const NUMBER_FIELDS = new Set(["reopens", "score"]);
const ENUMS: Record<string, readonly string[]> = { channel: CHANNELS, priority: PRIORITIES, status: TICKET_STATUSES };

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A date-fns pattern that reads every non-empty sample, or null. */
export function guessDateFormat(samples: string[]): string | null {
  const values = samples.filter((s) => s !== "");
  if (!values.length) return null;
  const candidates: [RegExp, string][] = [
    [/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/, "iso"],
    [/^\d{2}\/\d{2}\/\d{4} \d{1,2}:\d{2}$/, "dd/MM/yyyy HH:mm"],
    [/^\d{2}\/\d{2}\/\d{4}$/, "dd/MM/yyyy"],
    [/^\d{6}$/, "yyMMdd"],
    [/^\d{8}$/, "yyyyMMdd"],
  ];
  return candidates.find(([pattern]) => values.every((v) => pattern.test(v)))?.[1] ?? null;
}

/** Sample value → Deskpulse value for an enum field, where the sample names one ("Solved" → solved). */
function suggestValueMap(field: string, samples: string[]): Record<string, string> {
  const allowed = ENUMS[field] ?? [];
  const values: Record<string, string> = {};
  for (const sample of new Set(samples)) {
    const hit = allowed.find((v) => normalise(sample) === v || (field === "status" && normalise(sample) === "resolved" && v === "solved"));
    if (hit && sample !== hit) values[sample] = hit;
  }
  return values;
}

/**
 * A proposed mapping for `kind`: a header that names a field (or a synonym of one) maps to it,
 * with a transform chosen from the samples (a date format, seconds, a value map).
 */
export function suggestMapping(kind: RecordKind, header: string[], sampleRows: string[][], timeZone: string): ImportMapping {
  const fields: Record<string, FieldSource> = {};
  const taken = new Set<string>();
  const samplesOf = (column: number) => sampleRows.map((row) => (row[column] ?? "").trim());
  for (const field of CSV_FIELDS[kind]) {
    const words = [normalise(field), ...(SYNONYMS[field] ?? [])];
    const column = words.map((word) => header.findIndex((h, i) => !taken.has(String(i)) && normalise(h) === word)).find((i) => i >= 0);
    if (column === undefined) continue;
    taken.add(String(column));
    const samples = samplesOf(column);
    const name = header[column]!;
    // A column named exactly as the field is Deskpulse's own format (ISO 8601 with an offset):
    // passed through, so a time without an offset is refused as the ingest API refuses it.
    const native = name === field;
    if (TIME_FIELDS.has(field) && native) {
      fields[field] = { from: "column", column: name, transform: { type: "text" } };
    } else if (TIME_FIELDS.has(field)) {
      fields[field] = { from: "column", column: name, transform: { type: "date", format: guessDateFormat(samples) ?? "iso", timeZone } };
    } else if (DURATION_FIELDS.has(field)) {
      const clock = samples.some((s) => /^\d+:\d{2}/.test(s));
      fields[field] = { from: "column", column: name, transform: { type: "duration", unit: clock ? "h:mm:ss" : "seconds" } };
    } else if (field === "public") {
      fields[field] = { from: "column", column: name, transform: { type: "boolean" } };
    } else if (NUMBER_FIELDS.has(field)) {
      fields[field] = { from: "column", column: name, transform: { type: "number" } };
    } else if (field in ENUMS) {
      const values = suggestValueMap(field, samples);
      fields[field] = { from: "column", column: name, transform: Object.keys(values).length ? { type: "map", values } : { type: "text" } };
    } else {
      fields[field] = { from: "column", column: name, transform: { type: "text" } };
    }
  }
  return { kind, fields };
}

/** Whether every column of the file is named exactly as a field of `kind` (a file in Deskpulse's own format). */
export function isNativeHeader(kind: RecordKind, header: string[]): boolean {
  const known = new Set(CSV_FIELDS[kind]);
  return header.length > 0 && header.every((name) => known.has(name.trim()));
}
