import { z } from "zod";

import { CHANNELS } from "@/lib/ingest/record-schemas";
import { isTimeZone } from "@/lib/org/update-org-settings";

import { isKpiKey, type KpiKey } from "../catalog";
import { DIMENSIONS } from "../dimensions";
import type { HoursBasis, KpiFilters, KpiGrouping } from "../kpi-query";
import { BUCKET_UNITS, presetWindow, timeBuckets, WINDOW_PRESETS, type TimeWindow } from "../time-windows";

/** The longest window one request may ask for: a little over a year. */
const MAX_WINDOW_DAYS = 400;
const KNOWN = new Set(["keys", "from", "to", "preset", "tz", "team", "agent", "channel", "queue", "groupBy", "compare", "hours"]);

export interface KpiRequest {
  keys: KpiKey[];
  window: TimeWindow;
  timeZone: string;
  filters: KpiFilters;
  grouping: KpiGrouping;
  compare: boolean;
  hours: HoursBasis;
}

export type ParamError = { parameter: string; message: string };

const timestamp = z.iso.datetime({ offset: true });

/**
 * The query string of GET /api/v1/kpis (SPEC section 2), validated in full: the first problem is
 * reported with the parameter's name. An unknown parameter is an error too, so a typo such as
 * `group_by` is not silently ignored.
 */
export function parseKpiParams(
  params: URLSearchParams,
  defaults: { timeZone: string; now: Date },
): { ok: true; request: KpiRequest } | { ok: false; error: ParamError } {
  const fail = (parameter: string, message: string) => ({ ok: false as const, error: { parameter, message } });
  for (const name of params.keys()) if (!KNOWN.has(name)) return fail(name, "unknown parameter");
  for (const name of ["keys", "from", "to", "preset", "tz", "groupBy", "compare", "hours"]) {
    if (params.getAll(name).length > 1) return fail(name, "may be given only once");
  }
  const single = (name: string) => params.get(name) ?? undefined;

  const keysParam = single("keys");
  if (!keysParam) return fail("keys", "is required: a comma-separated list of KPI keys, e.g. keys=aht,asa,csat");
  const keys = [...new Set(keysParam.split(",").map((k) => k.trim()).filter(Boolean))];
  const unknown = keys.filter((k) => !isKpiKey(k));
  if (keys.length === 0 || unknown.length) return fail("keys", `unknown KPI key: ${unknown.join(", ") || "(empty)"}`);

  const timeZone = single("tz") ?? defaults.timeZone;
  if (!isTimeZone(timeZone)) return fail("tz", "must be an IANA time zone such as Europe/Copenhagen");

  const from = single("from");
  const to = single("to");
  const preset = single("preset");
  let window: TimeWindow;
  if (preset !== undefined) {
    if (from !== undefined || to !== undefined) return fail("preset", "give either preset or from and to, not both");
    if (!(WINDOW_PRESETS as readonly string[]).includes(preset)) return fail("preset", `must be one of ${WINDOW_PRESETS.join(", ")}`);
    window = presetWindow(preset as (typeof WINDOW_PRESETS)[number], defaults.now, timeZone);
  } else if (from !== undefined || to !== undefined) {
    if (from === undefined) return fail("from", "is required with to");
    if (to === undefined) return fail("to", "is required with from");
    if (!timestamp.safeParse(from).success) return fail("from", "must be an ISO 8601 timestamp with an offset");
    if (!timestamp.safeParse(to).success) return fail("to", "must be an ISO 8601 timestamp with an offset");
    window = { from: new Date(from), to: new Date(to) };
    if (window.to <= window.from) return fail("to", "must be after from");
    if (window.to.getTime() - window.from.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
      return fail("to", `the window may be at most ${MAX_WINDOW_DAYS} days long`);
    }
  } else {
    window = presetWindow("today", defaults.now, timeZone);
  }

  const filters: KpiFilters = { team: params.getAll("team"), agent: params.getAll("agent"), channel: [], queue: params.getAll("queue") };
  for (const channel of params.getAll("channel")) {
    if (!(CHANNELS as readonly string[]).includes(channel)) return fail("channel", `must be one of ${CHANNELS.join(", ")}`);
    filters.channel.push(channel as (typeof CHANNELS)[number]);
  }
  for (const name of ["team", "agent", "queue"] as const) {
    if (filters[name].some((value) => value.trim() === "")) return fail(name, "must not be empty");
  }

  let grouping: KpiGrouping = { by: "none" };
  const groupBy = single("groupBy");
  if (groupBy !== undefined) {
    if ((DIMENSIONS as readonly string[]).includes(groupBy)) {
      grouping = { by: groupBy as (typeof DIMENSIONS)[number] };
    } else if ((BUCKET_UNITS as readonly string[]).includes(groupBy)) {
      try {
        grouping = { by: "time", buckets: timeBuckets(window, groupBy as (typeof BUCKET_UNITS)[number], timeZone) };
      } catch (error) {
        return fail("groupBy", error instanceof Error ? error.message : "too many buckets");
      }
    } else {
      return fail("groupBy", `must be one of ${[...DIMENSIONS, ...BUCKET_UNITS].join(", ")}`);
    }
  }

  const compare = single("compare");
  if (compare !== undefined && compare !== "previous") return fail("compare", "must be previous");
  const hours = single("hours") ?? "calendar";
  if (hours !== "calendar" && hours !== "business") return fail("hours", "must be calendar or business");

  return { ok: true, request: { keys: keys as KpiKey[], window, timeZone, filters, grouping, compare: compare === "previous", hours } };
}
