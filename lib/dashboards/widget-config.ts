import { z } from "zod";

import { WidgetKind } from "@/lib/generated/prisma/enums";
import { getKpiDefinition, isKpiKey } from "@/lib/kpi/catalog";
import { DIMENSIONS } from "@/lib/kpi/dimensions";
import { isCustomKpiKey, type AnyKpiKey } from "@/lib/kpi/kpi-directory";
import { WINDOW_PRESETS } from "@/lib/kpi/time-windows";

// What each kind of widget is configured with. Stored as the widget's `config` (jsonb) next to its
// `kind` column; validated here on every read and write.

export const WIDGET_KINDS = Object.values(WidgetKind);

// A custom key's existence needs the database: saving checks it against the directory
// (manage-dashboards.ts), and a widget of a custom KPI deleted since shows no data.
const kpi = z.string().refine((key) => isKpiKey(key) || isCustomKpiKey(key), "is not a KPI of the catalog or a custom KPI") as unknown as z.ZodType<AnyKpiKey>;
/** A widget may pin its own window (e.g. "today" on a 30-day dashboard); otherwise it follows the filters. */
const window = z.enum(WINDOW_PRESETS).optional();
/** Ticket durations on the calendar or inside business hours; other KPIs ignore it. */
const hours = z.enum(["calendar", "business"]).default("calendar");

export const ZWidgetConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("kpi_number"), kpi, window, hours }),
  z.object({ kind: z.literal("gauge"), kpi, window, hours }),
  z.object({
    kind: z.literal("time_series"),
    kpis: z.array(kpi).min(1, "choose at least one KPI").max(3, "at most three KPIs share a chart"),
    bucket: z.enum(["auto", "hour", "day", "week"]).default("auto"),
    window,
    hours,
  }),
  z.object({ kind: z.literal("bar_breakdown"), kpi, by: z.enum(DIMENSIONS), window, hours }),
  z.object({
    kind: z.literal("leaderboard"), kpi, by: z.enum(["agent", "team"]), limit: z.coerce.number().int().min(3).max(25).default(10), window, hours,
    /**
     * By the value; "most improved": by the change against the previous period in the better
     * direction; "volume_adjusted": rates and scores by the cautious end of their 95 % interval.
     */
    ranking: z.enum(["value", "improvement", "volume_adjusted"]).default("value"),
    /** For wall screens: initials only, no links and no ids in the data. */
    anonymous: z.union([z.boolean(), z.literal("on")]).optional().transform((v) => v === true || v === "on"),
  }),
  z.object({ kind: z.literal("live_queue") }),
  z.object({ kind: z.literal("competition"), competitionId: z.coerce.number({ error: "choose a competition" }).int().positive("choose a competition") }),
  z.object({ kind: z.literal("achievements_feed"), limit: z.coerce.number().int().min(3).max(25).default(8) }),
  z.object({
    kind: z.literal("sla_at_risk"),
    horizonMinutes: z.coerce.number().int("must be whole minutes").min(5, "must be at least 5 minutes").max(1440, "must be at most a day").default(60),
    limit: z.coerce.number().int().min(3).max(25).default(8),
  }),
  z.object({ kind: z.literal("text"), text: z.string().max(2000, "at most 2,000 characters") }),
]);
export type WidgetConfig = z.infer<typeof ZWidgetConfig>;
/** A config as written by hand, before its defaults are filled in. */
export type WidgetConfigInput = z.input<typeof ZWidgetConfig>;

/** Whether a widget shows a ticket duration measured in business hours (its title says so). */
export function usesBusinessHours(config: WidgetConfig): boolean {
  if (!("hours" in config) || config.hours !== "business") return false;
  return ("kpis" in config ? config.kpis : [config.kpi]).some((key) => isKpiKey(key) && getKpiDefinition(key).businessHours);
}

export const GRID_COLUMNS = 12;

export const ZWidgetPlacement = z.object({
  x: z.number().int().min(0).max(GRID_COLUMNS - 1),
  y: z.number().int().min(0).max(500),
  w: z.number().int().min(1).max(GRID_COLUMNS),
  h: z.number().int().min(1).max(12),
});

export interface DashboardWidget {
  id: number;
  title: string;
  config: WidgetConfig;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A stored widget row as a typed widget; a row whose config no longer validates becomes a text widget saying so. */
export function toDashboardWidget(row: { id: number; kind: WidgetKind; title: string; config: unknown; x: number; y: number; w: number; h: number }): DashboardWidget {
  const parsed = ZWidgetConfig.safeParse({ ...(row.config as object), kind: row.kind });
  const config: WidgetConfig = parsed.success ? parsed.data : { kind: "text", text: "This widget's settings are no longer valid; edit it to choose again." };
  return { id: row.id, title: row.title, config, x: row.x, y: row.y, w: row.w, h: row.h };
}

/** The config to store: everything but the kind, which has its own column. */
export function storedConfig(config: WidgetConfig): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([name]) => name !== "kind"));
}

export const WIDGET_KIND_LABELS: Record<WidgetKind, string> = {
  kpi_number: "KPI number",
  gauge: "Gauge",
  time_series: "Time series",
  bar_breakdown: "Breakdown (bars)",
  leaderboard: "Leaderboard",
  live_queue: "Live queue",
  sla_at_risk: "SLA at risk",
  competition: "Competition",
  achievements_feed: "Achievements feed",
  text: "Text",
};
