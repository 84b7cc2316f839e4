import { z } from "zod";

import { ZParamText } from "@/lib/http/param-text";
import { CHANNELS } from "@/lib/ingest/record-schemas";

import { QUERY_LIMITS } from "../query-limits";

// Schema fragments for the filters the KPI API, the dashboard API and the dashboard pages share.
// Their input is a Next.js-style search-params record: a repeated name arrives as an array.

const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).max(QUERY_LIMITS.maxFilterValues, `at most ${QUERY_LIMITS.maxFilterValues} values`),
  );

/** A repeatable filter by externalId (team, agent, queue). */
export const ZFilterValues = many(
  ZParamText.max(QUERY_LIMITS.maxFilterValueLength, `must be at most ${QUERY_LIMITS.maxFilterValueLength} characters`).refine(
    (value) => value.trim() !== "",
    "must not be empty",
  ),
);

/** A repeatable channel filter. */
export const ZChannelValues = many(ZParamText.pipe(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(", ")}` })));
