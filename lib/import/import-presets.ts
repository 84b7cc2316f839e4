import type { RecordKind } from "@/lib/ingest/record-schemas";

import type { RowReaderForHeader } from "./import-delimited-file";
import type { ImportMapping } from "./import-mapping";
import { mappedRowReader } from "./mapped-row-reader";
import { technionRowReader } from "./technion-row-reader";

// Presets for files whose layout is known. Zendesk's and Freshdesk's are plain mappings (the
// import page opens them in the mapping editor, to adjust before use); the Technion data set
// needs rules a mapping cannot say (a merged field, times past midnight), so it is code.

export const PRESET_NAMES = ["technion", "zendesk", "freshdesk"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface ImportPreset {
  label: string;
  kind: RecordKind;
  description: string;
  /** The mapping behind the preset, where it is one; times without an offset are read in `timeZone`. */
  mapping?: (timeZone: string) => ImportMapping;
  readerFor: (timeZone: string) => RowReaderForHeader;
}

const STATUSES = { New: "new", Open: "open", Pending: "pending", "On-hold": "pending", Hold: "pending", Waiting: "pending", Solved: "solved", Resolved: "solved", Closed: "closed" };
const PRIORITIES = { Low: "low", Normal: "normal", Medium: "normal", High: "high", Urgent: "urgent" };

function zendeskTickets(timeZone: string): ImportMapping {
  const date = { type: "date", format: "iso", timeZone } as const;
  return {
    kind: "tickets",
    fields: {
      externalId: { from: "template", template: "zendesk-{Id}" },
      channel: {
        from: "column",
        column: "Via",
        transform: { type: "map", values: { Mail: "email", Email: "email", "Web form": "web", "Web Widget": "web", "Web service": "web", Chat: "chat", Phone: "phone", "Phone call (incoming)": "phone", Twitter: "social", Facebook: "social" } },
      },
      priority: { from: "column", column: "Priority", transform: { type: "map", values: PRIORITIES } },
      subject: { from: "column", column: "Subject", transform: { type: "text" } },
      team: { from: "column", column: "Group", transform: { type: "text" } },
      assignee: { from: "column", column: "Assignee", transform: { type: "text" } },
      status: { from: "column", column: "Status", transform: { type: "map", values: STATUSES } },
      createdAt: { from: "column", column: "Created at", transform: date },
      resolvedAt: { from: "column", column: "Solved at", transform: date },
      reopens: { from: "column", column: "Reopens", transform: { type: "number" } },
    },
  };
}

function freshdeskTickets(timeZone: string): ImportMapping {
  const date = { type: "date", format: "iso", timeZone } as const;
  return {
    kind: "tickets",
    fields: {
      externalId: { from: "template", template: "freshdesk-{Ticket ID}" },
      channel: {
        from: "column",
        column: "Source",
        transform: { type: "map", values: { Email: "email", Portal: "web", "Feedback Widget": "web", Phone: "phone", Chat: "chat", Twitter: "social", Facebook: "social", "Outbound Email": "email" } },
      },
      priority: { from: "column", column: "Priority", transform: { type: "map", values: PRIORITIES } },
      subject: { from: "column", column: "Subject", transform: { type: "text" } },
      team: { from: "column", column: "Group", transform: { type: "text" } },
      assignee: { from: "column", column: "Agent", transform: { type: "text" } },
      status: { from: "column", column: "Status", transform: { type: "map", values: STATUSES } },
      createdAt: { from: "column", column: "Created time", transform: date },
      firstResponseAt: { from: "column", column: "Initial response time", transform: date },
      resolvedAt: { from: "column", column: "Resolved time", transform: date },
    },
  };
}

/** A reader that refuses a file lacking the mapping's columns, naming them. */
export function readerForMapping(mapping: ImportMapping): RowReaderForHeader {
  return (header) => {
    const reader = mappedRowReader(mapping, header);
    return reader.ok ? reader : { ok: false, message: `the file has no column ${reader.missing.map((c) => `"${c}"`).join(", ")}` };
  };
}

export const IMPORT_PRESETS: Record<PresetName, ImportPreset> = {
  technion: {
    label: "Technion bank call centre",
    kind: "calls",
    description: "The Anonymous Bank data set, daily CSV or original monthly layout; PHANTOM calls are skipped.",
    readerFor: (timeZone) => (header) => {
      const reader = technionRowReader(header, timeZone);
      return reader.ok ? reader : { ok: false, message: `not a Technion call file: no column ${reader.missing.join(", ")}` };
    },
  },
  zendesk: {
    label: "Zendesk ticket export",
    kind: "tickets",
    description: "The CSV of Zendesk's ticket export (Admin Center → Reports → Export).",
    mapping: zendeskTickets,
    readerFor: (timeZone) => readerForMapping(zendeskTickets(timeZone)),
  },
  freshdesk: {
    label: "Freshdesk ticket export",
    kind: "tickets",
    description: "The CSV of Freshdesk's ticket export (Tickets → Export).",
    mapping: freshdeskTickets,
    readerFor: (timeZone) => readerForMapping(freshdeskTickets(timeZone)),
  },
};
