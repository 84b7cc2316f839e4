import { z } from "zod";

import type { AlertRule as AlertRuleRow } from "@/lib/generated/prisma/client";
import { CHANNELS } from "@/lib/ingest/record-schemas";
import type { AnyKpiKey, KpiDirectory } from "@/lib/kpi/kpi-directory";
import type { KpiFilters } from "@/lib/kpi/kpi-query";
import { parseKpiAmount } from "@/lib/kpi/parse-kpi-amount";

import { ALERT_WINDOW_KEYS, type AlertWindow } from "./alert-windows";
import type { AlertMachineState } from "./alert-transition";
import { minutesOfDay, type QuietHours } from "./quiet-hours";

// An alert rule as the evaluator reads it (docs/alerts.md): what it watches, when that is bad, for
// how long, who hears of it and when not.

export type AlertCheck =
  | { kind: "kpi"; kpiKey: AnyKpiKey; condition: "threshold"; threshold: number }
  | { kind: "kpi"; kpiKey: AnyKpiKey; condition: "off_target" }
  | { kind: "sla_at_risk"; moreThan: number; horizonMinutes: number };

export interface AlertRule {
  id: number;
  name: string;
  check: AlertCheck;
  filters: KpiFilters;
  window: AlertWindow;
  holdMinutes: number;
  channelIds: number[];
  notifyManagers: boolean;
  quiet: QuietHours | null;
  enabled: boolean;
  machine: AlertMachineState;
  lastValue: number | null;
  lastEvaluatedAt: Date | null;
}

export const DEFAULT_HORIZON_MINUTES = 60;
export const MAX_HOLD_MINUTES = 24 * 60;

/** A stored row as the evaluator and the settings page read it. */
export function toAlertRule(row: AlertRuleRow): AlertRule {
  const check: AlertCheck =
    row.kind === "sla_at_risk"
      ? { kind: "sla_at_risk", moreThan: row.threshold ?? 0, horizonMinutes: row.horizonMinutes ?? DEFAULT_HORIZON_MINUTES }
      : row.condition === "off_target"
        ? { kind: "kpi", kpiKey: row.kpiKey as AnyKpiKey, condition: "off_target" }
        : { kind: "kpi", kpiKey: row.kpiKey as AnyKpiKey, condition: "threshold", threshold: row.threshold ?? 0 };
  return {
    id: row.id,
    name: row.name,
    check,
    filters: { team: row.filterTeam, agent: [], channel: row.filterChannel as KpiFilters["channel"], queue: row.filterQueue },
    window: ALERT_WINDOW_KEYS.find((w) => w === row.window) ?? "today",
    holdMinutes: row.holdMinutes,
    channelIds: row.channelIds,
    notifyManagers: row.notifyManagers,
    quiet: row.quietStart !== null && row.quietEnd !== null ? { start: row.quietStart, end: row.quietEnd, days: row.quietDays } : null,
    enabled: row.enabled,
    machine: { state: row.state, since: row.stateSince, clearSince: row.clearSince },
    lastValue: row.lastValue,
    lastEvaluatedAt: row.lastEvaluatedAt,
  };
}

const optionalText = z.string().trim().optional().transform((v) => v || undefined);
const wholeMinutes = (max: number) => z.coerce.number({ error: "must be a whole number of minutes" }).int("must be a whole number of minutes").min(0, "must not be negative").max(max, `must be at most ${max}`);

/**
 * What the form sends, checked against the KPI directory: the threshold is typed in the KPI's unit
 * (a duration for time KPIs), quiet hours as local "22:00" and "07:00". Each problem names its field.
 */
export const alertRuleInputSchema = (directory: KpiDirectory) =>
  z
    .object({
      name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
      kind: z.enum(["kpi", "sla_at_risk"], { error: "choose what to watch" }),
      kpiKey: optionalText,
      team: optionalText,
      channel: z.enum(CHANNELS).optional().or(z.literal("").transform(() => undefined)),
      queue: optionalText,
      window: z.enum(ALERT_WINDOW_KEYS as [AlertWindow, ...AlertWindow[]], { error: "choose a window" }),
      condition: z.enum(["threshold", "off_target"]).optional(),
      threshold: optionalText,
      moreThan: optionalText,
      horizonMinutes: optionalText,
      holdMinutes: wholeMinutes(MAX_HOLD_MINUTES),
      channelIds: z.array(z.coerce.number().int().positive()).default([]),
      notifyManagers: z.boolean().default(false),
      quietStart: optionalText,
      quietEnd: optionalText,
      quietDays: z.array(z.coerce.number().int().min(1).max(7)).default([]),
    })
    .transform((input, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      let check: AlertCheck | null = null;
      if (input.kind === "kpi") {
        if (!input.kpiKey || !directory.has(input.kpiKey)) issue("kpiKey", "choose a KPI");
        else if (input.condition === "off_target") check = { kind: "kpi", kpiKey: input.kpiKey, condition: "off_target" };
        else if (!input.threshold) issue("threshold", "is required");
        else {
          const parsed = parseKpiAmount(directory.fact(input.kpiKey).unit, input.threshold);
          if ("error" in parsed) issue("threshold", parsed.error);
          else check = { kind: "kpi", kpiKey: input.kpiKey, condition: "threshold", threshold: parsed.amount };
        }
      } else {
        const moreThan = Number(input.moreThan ?? "");
        const horizon = Number(input.horizonMinutes ?? DEFAULT_HORIZON_MINUTES);
        if (!input.moreThan || !Number.isInteger(moreThan) || moreThan < 0) issue("moreThan", "must be a whole number of tickets");
        else if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HOLD_MINUTES) issue("horizonMinutes", `must be between 1 and ${MAX_HOLD_MINUTES} minutes`);
        else check = { kind: "sla_at_risk", moreThan, horizonMinutes: horizon };
      }
      let quiet: QuietHours | null = null;
      if (input.quietStart || input.quietEnd) {
        const start = minutesOfDay(input.quietStart ?? "");
        const end = minutesOfDay(input.quietEnd ?? "");
        if (start === null) issue("quietStart", "must be a time such as 22:00");
        else if (end === null) issue("quietEnd", "must be a time such as 07:00");
        else if (start === end) issue("quietEnd", "must differ from the start");
        else quiet = { start, end, days: [...new Set(input.quietDays)].sort((a, b) => a - b) };
      }
      return {
        name: input.name,
        check: check!,
        filters: { team: input.team ? [input.team] : [], agent: [], channel: input.channel ? [input.channel] : [], queue: input.queue ? [input.queue] : [] } satisfies KpiFilters,
        window: input.window,
        holdMinutes: input.holdMinutes,
        channelIds: [...new Set(input.channelIds)],
        notifyManagers: input.notifyManagers,
        quiet,
      };
    });
export type AlertRuleInput = z.input<ReturnType<typeof alertRuleInputSchema>>;
export type AlertRuleSettings = z.output<ReturnType<typeof alertRuleInputSchema>>;
