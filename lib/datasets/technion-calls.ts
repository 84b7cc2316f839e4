import { TZDate } from "@date-fns/tz";
import Papa from "papaparse";

import type { CallRecord } from "@/lib/ingest/record-schemas";

// The Anonymous Bank call-centre data (Technion SEE centre; Brown et al., JASA 2005) as ingest
// `calls` records. Each row is one call: IVR (vru_entry/vru_exit), then possibly the agent queue
// (q_start/q_exit, "0:00:00" = never queued), then service by `server` (ser_start/ser_exit).
// outcome AGENT = answered, HANG = hung up, PHANTOM = a ghost record the source says to ignore.

export const TECHNION_TIME_ZONE = "Asia/Jerusalem";

interface TechnionRow {
  "vru+line": string;
  call_id: string;
  type: string;
  date: string;
  vru_entry: string;
  vru_exit: string;
  q_start: string;
  q_exit: string;
  outcome: string;
  ser_start: string;
  ser_exit: string;
  ser_time: string;
  server: string;
}

const NEVER = "0:00:00";

function instant(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(":").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, hh, mm, ss, timeZone).toISOString();
}

export function technionCallsToRecords(csv: string, timeZone = TECHNION_TIME_ZONE): CallRecord[] {
  const { data } = Papa.parse<TechnionRow>(csv, { header: true, skipEmptyLines: true });
  return data
    .filter((row) => row.outcome !== "PHANTOM")
    .map((row) => {
      const at = (time: string) => instant(row.date, time, timeZone);
      const queued = row.q_start !== NEVER;
      // call_id repeats within a day; with the VRU line it is unique.
      const call: CallRecord = { externalId: `bank-${row.date}-${row["vru+line"]}-${row.call_id}`, queue: row.type, direction: "inbound" };
      if (queued) call.queuedAt = at(row.q_start);
      if (row.outcome === "AGENT" && row.ser_start === NEVER) {
        // One answered call has no service times ("0:00:00", which read as midnight would be an
        // answer before the call arrived): answered without a wait, ended as it left the queue.
        call.answeredAt = at(queued ? row.q_start : row.vru_exit);
        call.endedAt = at(queued ? row.q_exit : row.vru_exit);
        call.talkSeconds = Number(row.ser_time);
        if (row.server !== "NO_SERVER") call.agent = row.server;
      } else if (row.outcome === "AGENT") {
        call.answeredAt = at(row.ser_start);
        call.endedAt = at(row.ser_exit);
        call.talkSeconds = Number(row.ser_time);
        if (row.server !== "NO_SERVER") call.agent = row.server;
      } else {
        // Hung up: in the queue (abandoned) or still in the phone menu (never offered).
        call.endedAt = at(queued ? row.q_exit : row.vru_exit);
      }
      return call;
    });
}
