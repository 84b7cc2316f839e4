import { TZDate } from "@date-fns/tz";

import type { CallRecord } from "@/lib/ingest/record-schemas";

import type { RowReader } from "./row-reader";

// The Anonymous Bank call-centre data (Technion SEE centre; Brown et al., JASA 2005) as ingest
// `calls` records, in both its layouts (SPEC section 9): the daily CSV (dates as yyyy-MM-dd) and
// the original monthly files (tab-separated, dates as YYMMDD). Each row is one call: IVR
// (vru_entry/vru_exit), then possibly the agent queue (q_start/q_exit, "0:00:00" = never queued),
// then service by `server` (ser_start/ser_exit). outcome AGENT = answered, HANG = hung up,
// PHANTOM = a ghost record the source says to ignore.

export const TECHNION_TIME_ZONE = "Asia/Jerusalem";

const COLUMNS = ["vru+line", "call_id", "priority", "type", "date", "vru_entry", "vru_exit", "q_start", "q_exit", "outcome", "ser_start", "ser_exit", "ser_time", "server"] as const;
type Column = (typeof COLUMNS)[number];

const NEVER = "0:00:00";
const HALF_DAY_SECONDS = 43_200;
const OUTCOMES = new Set(["AGENT", "HANG", "PHANTOM"]);

function secondsOfDay(time: string): number | null {
  const match = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

function calendarDate(raw: string): [number, number, number] | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  // The monthly files are all from 1999 (YYMMDD, so 99 is 1999).
  const short = /^(\d{2})(\d{2})(\d{2})$/.exec(raw);
  const parts = iso ? iso.slice(1).map(Number) : short ? [1900 + Number(short[1]), Number(short[2]), Number(short[3])] : null;
  if (!parts) return null;
  const [y, m, d] = parts as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? [y, m, d] : null;
}

/** The reader for a Technion file with this header, or the columns it lacks. */
export function technionRowReader(header: string[], timeZone = TECHNION_TIME_ZONE): { ok: true; read: RowReader } | { ok: false; missing: string[] } {
  const names = header.map((name) => name.trim());
  const missing = COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) return { ok: false, missing };
  const at = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<Column, number>;

  const read: RowReader = (raw) => {
    let fields = raw.map((value) => value.trim());
    // Some rows of the monthly files have priority and type in one field ("0       NW"): split it
    // back into two so the fields line up with the header again.
    if (fields.length === names.length - 1 && at.type === at.priority + 1) {
      const merged = /^(\S+)\s+(\S+)$/.exec(fields[at.priority]!);
      if (merged) fields = [...fields.slice(0, at.priority), merged[1]!, merged[2]!, ...fields.slice(at.priority + 1)];
    }
    if (fields.length !== names.length) {
      return { status: "error", errors: [{ field: null, message: `has ${fields.length} fields, the header ${names.length}` }] };
    }
    const cell = (column: Column) => fields[at[column]]!;
    const outcome = cell("outcome");
    if (outcome === "PHANTOM") return { status: "skipped" };
    const errors: { field: string; message: string }[] = [];
    if (!OUTCOMES.has(outcome)) errors.push({ field: "outcome", message: `"${outcome}" is not AGENT, HANG or PHANTOM` });
    const date = calendarDate(cell("date"));
    if (!date) errors.push({ field: "date", message: `"${cell("date")}" is not a date as yyyy-MM-dd or YYMMDD` });
    const times = {} as Record<Column, number>;
    for (const column of ["vru_entry", "vru_exit", "q_start", "q_exit", "ser_start", "ser_exit"] as const) {
      const seconds = secondsOfDay(cell(column));
      if (seconds === null) errors.push({ field: column, message: `"${cell(column)}" is not a time as h:mm:ss` });
      else times[column] = seconds;
    }
    const talkSeconds = Number(cell("ser_time"));
    if (!/^\d+$/.test(cell("ser_time"))) errors.push({ field: "ser_time", message: `"${cell("ser_time")}" is not a number of seconds` });
    if (errors.length || !date) return { status: "error", errors };

    // Times carry no date: every event is on the call's day, except one that reads hours earlier
    // than the call's arrival, which happened after midnight, on the next day. (The source's
    // clocks disagree by a second or two, so "earlier" alone would move some events a day.)
    const arrival = times.vru_entry;
    const instant = (column: Column) => {
      const seconds = times[column] + (times[column] < arrival - HALF_DAY_SECONDS ? 86_400 : 0);
      return new TZDate(date[0], date[1] - 1, date[2], 0, 0, seconds, timeZone).toISOString();
    };
    const isoDate = date.map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
    const queued = cell("q_start") !== NEVER;
    // call_id repeats within a day; with the VRU line it is unique.
    const call: CallRecord = { externalId: `bank-${isoDate}-${cell("vru+line")}-${cell("call_id")}`, queue: cell("type"), direction: "inbound" };
    if (queued) call.queuedAt = instant("q_start");
    const agent = cell("server") !== "NO_SERVER" ? cell("server") : undefined;
    if (outcome === "AGENT" && cell("ser_start") === NEVER) {
      // One answered call has no service times ("0:00:00", which read as midnight would be an
      // answer before the call arrived): answered without a wait, ended as it left the queue.
      call.answeredAt = instant(queued ? "q_start" : "vru_exit");
      call.endedAt = instant(queued ? "q_exit" : "vru_exit");
      call.talkSeconds = talkSeconds;
      if (agent) call.agent = agent;
    } else if (outcome === "AGENT") {
      call.answeredAt = instant("ser_start");
      call.endedAt = instant("ser_exit");
      call.talkSeconds = talkSeconds;
      if (agent) call.agent = agent;
    } else {
      // Hung up: in the queue (abandoned) or still in the phone menu (never offered).
      call.endedAt = instant(queued ? "q_exit" : "vru_exit");
    }
    return { status: "record", record: call as Record<string, unknown> };
  };
  return { ok: true, read };
}
