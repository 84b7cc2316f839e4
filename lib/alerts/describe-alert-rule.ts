import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import type { KpiDirectory } from "@/lib/kpi/kpi-directory";

import { subjectLabel } from "./alert-message";
import type { AlertRule } from "./alert-rules";
import { ALERT_WINDOWS } from "./alert-windows";

/**
 * Names what a rule watches with its filters, "Customer satisfaction (Alpha · Chat)", from one read
 * of the team and queue names; the directory names the KPI.
 */
export async function alertSubjectLabeller(prisma: PrismaClient, directory: Pick<KpiDirectory, "fact">) {
  const [teams, queues] = await Promise.all([
    prisma.team.findMany({ select: { externalId: true, name: true } }),
    prisma.queue.findMany({ select: { externalId: true, name: true } }),
  ]);
  const teamNames = new Map(teams.map((t) => [t.externalId, t.name]));
  const queueNames = new Map(queues.map((q) => [q.externalId, q.name]));
  const names = { team: (id: string) => teamNames.get(id) ?? id, queue: (id: string) => queueNames.get(id) ?? id };
  return (rule: AlertRule) => subjectLabel(rule.check.kind === "kpi" ? directory.fact(rule.check.kpiKey).name : "SLA at risk", rule.filters, names);
}

/** "Customer satisfaction (Alpha) worse than 80.0% · last hour · for 15 min", as the settings page lists it. */
export function describeCheck(rule: AlertRule, label: string, directory: Pick<KpiDirectory, "fact">): string {
  const hold = rule.holdMinutes > 0 ? ` · for ${rule.holdMinutes} min` : " · at once";
  const check = rule.check;
  if (check.kind === "sla_at_risk") return `${label}: more than ${check.moreThan} tickets breached or due within ${check.horizonMinutes} min${hold}`;
  const window = ALERT_WINDOWS[rule.window].label.toLowerCase();
  const condition = check.condition === "threshold" ? `worse than ${formatKpiValue(check.threshold, directory.fact(check.kpiKey).unit)}` : "off its target";
  return `${label} ${condition} · ${window}${hold}`;
}
