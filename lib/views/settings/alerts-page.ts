import "server-only";

import { alertSubjectLabeller, describeCheck } from "@/lib/alerts/describe-alert-rule";
import { ALERT_WINDOW_KEYS, ALERT_WINDOWS } from "@/lib/alerts/alert-windows";
import { listAlertRules } from "@/lib/alerts/manage-alert-rules";
import { clockText } from "@/lib/alerts/quiet-hours";
import type { UserContext } from "@/lib/auth/guards";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { filterOptions } from "@/lib/views/filter-options";

type Option = { value: string; label: string };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HISTORY_ROWS = 50;

export interface AlertsPage {
  timeZone: string;
  options: {
    kpis: (Option & { duration?: boolean })[];
    windows: Option[];
    team: Option[];
    channel: Option[];
    queue: Option[];
    /** Delivery channels (Settings → Notifications); none yet means the bell only. */
    notificationChannels: Option[];
    weekdays: Option[];
  };
  rules: {
    id: number;
    name: string;
    /** "Customer satisfaction (Chat) worse than 80.0% · last hour · for 15 min" */
    condition: string;
    delivery: string;
    enabled: boolean;
    state: "ok" | "pending" | "firing" | "paused";
    since: Date;
    lastValue: string;
    lastEvaluatedAt: Date | null;
    lastFiredAt: Date | null;
  }[];
  history: { id: number; rule: string; firedAt: Date; firedValue: string; resolvedAt: Date | null; resolvedValue: string | null; suppressed: boolean }[];
}

export async function alertsPage({ prisma }: UserContext): Promise<AlertsPage> {
  const [rules, directory, org, filters, channels, events] = await Promise.all([
    listAlertRules(prisma),
    loadKpiDirectory(prisma),
    getOrgSettings(prisma),
    filterOptions(prisma, { kind: "all" }),
    prisma.notificationChannel.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    prisma.alertEvent.findMany({ orderBy: [{ firedAt: "desc" }, { id: "desc" }], take: HISTORY_ROWS }),
  ]);
  const label = await alertSubjectLabeller(prisma, directory);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const channelNames = new Map(channels.map((c) => [c.id, c.name]));
  const unitOf = (ruleId: number) => {
    const rule = byId.get(ruleId);
    return rule?.check.kind === "kpi" ? directory.fact(rule.check.kpiKey).unit : "count";
  };
  const lastFired = new Map<number, Date>();
  for (const e of events) if (!lastFired.has(e.ruleId)) lastFired.set(e.ruleId, e.firedAt);
  const all = { value: "", label: "All" };
  return {
    timeZone: org.timeZone,
    options: {
      kpis: directory.list().map((k) => ({ value: k.key, label: `${k.name} (${k.direction === "lower" ? "lower" : "higher"} is better)`, ...(k.custom && { duration: k.unit === "seconds" }) })),
      windows: ALERT_WINDOW_KEYS.map((w) => ({ value: w, label: ALERT_WINDOWS[w].label })),
      team: [all, ...(filters.teams ?? [])],
      channel: [all, ...filters.channels],
      queue: [all, ...filters.queues],
      notificationChannels: channels.map((c) => ({ value: String(c.id), label: `${c.name} (${c.kind})` })),
      weekdays: WEEKDAYS.map((day, i) => ({ value: String(i + 1), label: day })),
    },
    rules: rules.map((rule) => {
      const sent = rule.channelIds.flatMap((id) => channelNames.get(id) ?? []);
      const quiet = rule.quiet && `quiet ${clockText(rule.quiet.start)}–${clockText(rule.quiet.end)}${rule.quiet.days.length ? ` (${rule.quiet.days.map((d) => WEEKDAYS[d - 1]).join(", ")})` : ""}`;
      return {
        id: rule.id,
        name: rule.name,
        condition: describeCheck(rule, label(rule), directory),
        delivery: [...sent, ...(rule.notifyManagers ? ["Managers' bells"] : [])].join(", ") + (quiet ? ` · ${quiet}` : "") || "History only",
        enabled: rule.enabled,
        state: rule.enabled ? rule.machine.state : "paused",
        since: rule.machine.since,
        lastValue: formatKpiValue(rule.lastValue, unitOf(rule.id)),
        lastEvaluatedAt: rule.lastEvaluatedAt,
        lastFiredAt: lastFired.get(rule.id) ?? null,
      };
    }),
    history: events.map((e) => ({
      id: e.id,
      // Events go with their rule (ON DELETE CASCADE).
      rule: byId.get(e.ruleId)!.name,
      firedAt: e.firedAt,
      firedValue: formatKpiValue(e.firedValue, unitOf(e.ruleId)),
      resolvedAt: e.resolvedAt,
      resolvedValue: e.resolvedAt ? formatKpiValue(e.resolvedValue, unitOf(e.ruleId)) : null,
      suppressed: e.suppressed,
    })),
  };
}
