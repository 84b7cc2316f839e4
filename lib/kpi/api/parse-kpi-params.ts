import { z } from "zod";

import { ZParamText } from "@/lib/http/param-text";
import { isTimeZone } from "@/lib/org/update-org-settings";

import { isKpiKey } from "../catalog";
import { DIMENSIONS } from "../dimensions";
import { isCustomKpiKey, type AnyKpiKey } from "../kpi-directory";
import type { HoursBasis, KpiFilters, KpiGrouping } from "../kpi-query";
import { MAX_WINDOW_MS, QUERY_LIMITS } from "../query-limits";
import { BUCKET_UNITS, presetWindow, timeBuckets, WINDOW_PRESETS, type BucketUnit, type TimeWindow } from "../time-windows";

import { ZChannelValues, ZFilterValues } from "./filter-params";

const SINGLE = ["keys", "from", "to", "preset", "tz", "groupBy", "compare", "hours"];
const REPEATABLE = ["team", "agent", "channel", "queue"];
const KNOWN = new Set([...SINGLE, ...REPEATABLE]);
const GROUP_BY = [...DIMENSIONS, ...BUCKET_UNITS] as const;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, error = `must be one of ${values.join(", ")}`) =>
  ZParamText.pipe(z.enum(values, { error }));
const timestamp = ZParamText.pipe(z.iso.datetime({ offset: true, error: "must be an ISO 8601 timestamp with an offset" }));

/**
 * Which parameters are given, before their values are read: an unknown one is an error (a typo
 * such as `group_by` is not silently ignored), as is a repeat of one that may appear once, or a
 * window given twice or by one end only.
 */
function checkParamNames(raw: unknown, ctx: z.RefinementCtx): unknown {
  const given = (raw ?? {}) as Record<string, unknown>;
  const names = Object.keys(given);
  for (const name of names) if (!KNOWN.has(name)) ctx.addIssue({ code: "custom", path: [name], message: "unknown parameter" });
  for (const name of names) {
    if (SINGLE.includes(name) && Array.isArray(given[name])) ctx.addIssue({ code: "custom", path: [name], message: "may be given only once" });
  }
  if (given.preset !== undefined && (given.from !== undefined || given.to !== undefined)) {
    ctx.addIssue({ code: "custom", path: ["preset"], message: "give either preset or from and to, not both" });
  } else if (given.from === undefined && given.to !== undefined) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "is required with to" });
  } else if (given.to === undefined && given.from !== undefined) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "is required with from" });
  }
  return raw;
}

const ZKpiKeys = z
  .string({ error: "is required: a comma-separated list of KPI keys, e.g. keys=aht,asa,csat" })
  .pipe(ZParamText)
  .transform((value) => [...new Set(value.split(",").map((key) => key.trim()).filter(Boolean))])
  // A custom key's existence needs the database: the handler checks it against the directory.
  .superRefine((keys, ctx) => {
    const unknown = keys.filter((key) => !isKpiKey(key) && !isCustomKpiKey(key));
    if (keys.length === 0 || unknown.length) ctx.addIssue({ code: "custom", message: `unknown KPI key: ${unknown.join(", ") || "(empty)"}` });
  })
  .transform((keys) => keys as AnyKpiKey[]);

/** The query string of GET /api/v1/kpis (SPEC section 2), validated in full; each problem names its parameter. */
export const ZKpiParams = z.preprocess(
  checkParamNames,
  z
    .object({
      keys: ZKpiKeys,
      tz: ZParamText.refine(isTimeZone, "must be an IANA time zone such as Europe/Copenhagen").optional(),
      preset: oneOf(WINDOW_PRESETS).optional(),
      from: timestamp.optional(),
      to: timestamp.optional(),
      team: ZFilterValues,
      agent: ZFilterValues,
      channel: ZChannelValues,
      queue: ZFilterValues,
      groupBy: oneOf(GROUP_BY).optional(),
      compare: oneOf(["previous"], "must be previous").optional(),
      hours: oneOf(["calendar", "business"], "must be calendar or business").default("calendar"),
    })
    .superRefine((params, ctx) => {
      if (params.from === undefined || params.to === undefined) return;
      const span = Date.parse(params.to) - Date.parse(params.from);
      if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
      else if (span > MAX_WINDOW_MS) {
        ctx.addIssue({ code: "custom", path: ["to"], message: `the window may be at most ${QUERY_LIMITS.maxWindowDays} days long` });
      }
    }),
);

export type KpiParams = z.output<typeof ZKpiParams>;

export interface KpiRequest {
  keys: AnyKpiKey[];
  window: TimeWindow;
  timeZone: string;
  filters: KpiFilters;
  grouping: KpiGrouping;
  compare: boolean;
  hours: HoursBasis;
}

export type ParamError = { parameter: string; message: string };

/**
 * The request the parameters describe, once the organisation's defaults are known: the window in
 * its time zone and, for a breakdown over time, its buckets (refused beyond the bucket limit).
 */
export function kpiRequestOf(params: KpiParams, defaults: { timeZone: string; now: Date }): { ok: true; request: KpiRequest } | { ok: false; error: ParamError } {
  const timeZone = params.tz ?? defaults.timeZone;
  const window =
    params.from !== undefined && params.to !== undefined
      ? { from: new Date(params.from), to: new Date(params.to) }
      : presetWindow(params.preset ?? "today", defaults.now, timeZone);
  let grouping: KpiGrouping = { by: "none" };
  if (params.groupBy !== undefined && (BUCKET_UNITS as readonly string[]).includes(params.groupBy)) {
    try {
      grouping = { by: "time", buckets: timeBuckets(window, params.groupBy as BucketUnit, timeZone) };
    } catch (error) {
      return { ok: false, error: { parameter: "groupBy", message: error instanceof Error ? error.message : "too many buckets" } };
    }
  } else if (params.groupBy !== undefined) {
    grouping = { by: params.groupBy as (typeof DIMENSIONS)[number] };
  }
  const { keys, team, agent, channel, queue, compare, hours } = params;
  return { ok: true, request: { keys, window, timeZone, filters: { team, agent, channel, queue }, grouping, compare: compare === "previous", hours } };
}
