import type { RecordKind } from "../record-schemas";

// A CSV cell is always text; the record schemas want numbers and booleans where JSON would have
// them. Only the fields that are numeric or boolean in the schema are converted, and a cell that
// does not look like one stays text so the schema reports it ("expected number").

const NUMBER_FIELDS = new Set(["reopens", "talkSeconds", "holdSeconds", "wrapUpSeconds", "score"]);
const BOOLEAN_FIELDS = new Set(["public"]);

export const CSV_FIELDS: Record<RecordKind, string[]> = {
  teams: ["externalId", "name"],
  agents: ["externalId", "name", "email", "team"],
  tickets: ["externalId", "channel", "priority", "subject", "team", "assignee", "status", "createdAt", "firstResponseAt", "resolvedAt", "reopens"],
  messages: ["externalId", "ticket", "author", "agent", "createdAt", "public"],
  calls: ["externalId", "queue", "agent", "team", "direction", "queuedAt", "answeredAt", "endedAt", "talkSeconds", "holdSeconds", "wrapUpSeconds"],
  surveys: ["externalId", "kind", "score", "respondedAt", "ticket", "agent", "team", "comment"],
  kbViews: ["article", "visitor", "viewedAt"],
  agentStatus: ["agent", "status", "at"],
};

export function csvRowToRecord(row: Record<string, string | undefined>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(row)) {
    const value = raw?.trim() ?? "";
    // An empty cell is an absent optional field, as a missing key would be in JSON.
    if (value === "") continue;
    if (NUMBER_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(value)) record[field] = Number(value);
    else if (BOOLEAN_FIELDS.has(field) && /^(true|false)$/i.test(value)) record[field] = value.toLowerCase() === "true";
    else record[field] = value;
  }
  return record;
}
