import { tz } from "@date-fns/tz";
import { isValid, parse, parseISO } from "date-fns";

import type { DURATION_UNITS, ValueTransform } from "./import-mapping";

export type TransformResult = { ok: true; value: string | number | boolean } | { ok: false; message: string };

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Reads `raw` as `format` in `timeZone` and returns ISO 8601 with the zone's offset (what the
 * record schemas require). The reference date only fills parts the format lacks.
 */
export function readInstant(raw: string, format: string, timeZone: string): TransformResult {
  const zone = tz(timeZone);
  const date = format === "iso" ? parseISO(raw, { in: HAS_OFFSET.test(raw) ? undefined : zone }) : parse(raw, format, new Date(0), { in: zone });
  if (!isValid(date)) return { ok: false, message: `"${raw}" is not a date in the format ${format}` };
  // parseISO of a value with its own offset gives a plain Date; express it in the chosen zone too.
  return { ok: true, value: zone(date).toISOString() };
}

function readDuration(raw: string, unit: (typeof DURATION_UNITS)[number]): TransformResult {
  if (unit === "h:mm:ss") {
    const match = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(raw);
    if (!match) return { ok: false, message: `"${raw}" is not a duration as h:mm:ss` };
    return { ok: true, value: Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0) };
  }
  const amount = Number(raw.replace(",", "."));
  if (raw === "" || !Number.isFinite(amount)) return { ok: false, message: `"${raw}" is not a number of ${unit}` };
  const factor = { seconds: 1, minutes: 60, hours: 3600 }[unit];
  return { ok: true, value: Math.round(amount * factor) };
}

/** One cell (already trimmed and not blank) through one transform. */
export function transformValue(transform: ValueTransform, raw: string): TransformResult {
  switch (transform.type) {
    case "text":
      return { ok: true, value: raw };
    case "number": {
      const value = Number(raw);
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `"${raw}" is not a number` };
    }
    case "boolean": {
      if (/^(true|yes|1)$/i.test(raw)) return { ok: true, value: true };
      if (/^(false|no|0)$/i.test(raw)) return { ok: true, value: false };
      return { ok: false, message: `"${raw}" is not yes or no` };
    }
    case "date":
      return readInstant(raw, transform.format, transform.timeZone);
    case "duration":
      return readDuration(raw, transform.unit);
    case "map": {
      const key = raw.toLowerCase();
      const hit = Object.entries(transform.values).find(([from]) => from.trim().toLowerCase() === key);
      return { ok: true, value: hit ? hit[1] : raw };
    }
  }
}
